import { describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import { signCollabToken, verifyCollabToken } from "@/server/auth/collab-token";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const CLAIMS = { userId: "u1", name: "Maya Chen", role: "editor" as const, storyId: "s1" };

describe("collaboration tokens", () => {
  it("round-trips the claims", async () => {
    const token = await signCollabToken(CLAIMS, SECRET, 60);
    const verified = await verifyCollabToken(token, SECRET);
    expect(verified).toMatchObject(CLAIMS);
    expect(verified.expiresAt).toBeGreaterThan(Date.now() + 50_000);
    expect(verified.expiresAt).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  it("gives every token its own id, so the collaboration server can accept each once", async () => {
    const [first, second] = await Promise.all([
      signCollabToken(CLAIMS, SECRET, 60),
      signCollabToken(CLAIMS, SECRET, 60),
    ]);
    const ids = [(await verifyCollabToken(first, SECRET)).tokenId, (await verifyCollabToken(second, SECRET)).tokenId];
    expect(ids[0]).not.toEqual(ids[1]);
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
