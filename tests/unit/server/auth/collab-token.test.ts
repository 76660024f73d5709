import { describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import { signCollabToken, verifyCollabToken } from "@/server/auth/collab-token";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const CLAIMS = { userId: "u1", name: "Maya Chen", role: "editor" as const, storyId: "s1" };

describe("collaboration tokens", () => {
  it("round-trips the claims", async () => {
    const token = await signCollabToken(CLAIMS, SECRET, 60);
    expect(await verifyCollabToken(token, SECRET)).toEqual(CLAIMS);
  });

  it("refuses a token signed with another secret", async () => {
    const token = await signCollabToken(CLAIMS, `${SECRET}-other`, 60);
    await expect(verifyCollabToken(token, SECRET)).rejects.toThrow("invalid token");
  });

  it("refuses an expired token", async () => {
    const token = await new SignJWT({ name: "Maya", role: "editor", story: "s1" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("u1")
      .setIssuer("corroborate")
      .setAudience("corroborate-collab")
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifyCollabToken(token, SECRET)).rejects.toThrow("token expired");
  });

  it("refuses a token with an unknown role or garbage", async () => {
    const token = await new SignJWT({ name: "Eve", role: "reader", story: "s1" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("u1")
      .setIssuer("corroborate")
      .setAudience("corroborate-collab")
      .setExpirationTime("1m")
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifyCollabToken(token, SECRET)).rejects.toThrow("invalid token");
    await expect(verifyCollabToken("not.a.token", SECRET)).rejects.toThrow("invalid token");
  });
});
