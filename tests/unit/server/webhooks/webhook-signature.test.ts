import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "@/server/webhooks/webhook-signature";

const SECRET = "whsec_test-secret";
const BODY = JSON.stringify({ type: "claim.rejected", reason: "One video only." });
const T = 1_764_489_600;

describe("webhook signatures", () => {
  it("signs the timestamp and the body as Stripe does: t=…,v1=HMAC-SHA256(secret, 't.body')", () => {
    const expected = createHmac("sha256", SECRET).update(`${T}.${BODY}`).digest("hex");
    expect(signWebhook(SECRET, T, BODY)).toBe(`t=${T},v1=${expected}`);
  });

  it("verifies its own signature within the tolerance", () => {
    const header = signWebhook(SECRET, T, BODY);
    expect(verifyWebhookSignature(SECRET, header, BODY, { now: T + 10 })).toBe(true);
    expect(verifyWebhookSignature(SECRET, ` t=${T} , v1=deadbeef, ${header.split(",")[1]}`, BODY, { now: T })).toBe(
      true,
    );
  });

  it("refuses another body, another secret, an old or future timestamp, and garbage", () => {
    const header = signWebhook(SECRET, T, BODY);
    expect(verifyWebhookSignature(SECRET, header, `${BODY} `, { now: T })).toBe(false);
    expect(verifyWebhookSignature("whsec_other", header, BODY, { now: T })).toBe(false);
    expect(verifyWebhookSignature(SECRET, header, BODY, { now: T + 301 })).toBe(false);
    expect(verifyWebhookSignature(SECRET, header, BODY, { now: T - 301 })).toBe(false);
    // The timestamp is signed: moving it forward breaks the signature.
    expect(verifyWebhookSignature(SECRET, header.replace(`t=${T}`, `t=${T + 60}`), BODY, { now: T + 60 })).toBe(false);
    for (const garbage of ["", "t=x,v1=y", `v1=${header.split("v1=")[1]}`, `t=${T}`, `t=${T},v1=zz`]) {
      expect(verifyWebhookSignature(SECRET, garbage, BODY, { now: T }), garbage).toBe(false);
    }
  });
});
