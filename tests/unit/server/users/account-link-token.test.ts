import { describe, expect, it } from "vitest";
import {
  accountLinkPath,
  createLinkSecret,
  hashLinkSecret,
  INVITATION_TTL_MS,
  linkExpiresAt,
  linkState,
  RESET_TTL_MS,
} from "@/server/users/account-link-token";

describe("account link secrets", () => {
  it("are 32 random bytes in base64url, different every time", () => {
    const a = createLinkSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createLinkSecret()).not.toEqual(a);
  });

  it("are stored as their SHA-256, never as themselves", () => {
    const secret = createLinkSecret();
    const hash = hashLinkSecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret);
    expect(hashLinkSecret(secret)).toEqual(hash);
    expect(hashLinkSecret("abc")).toEqual("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("put the secret in the link's path", () => {
    expect(accountLinkPath("invitation", "s3cret")).toBe("/invite/s3cret");
    expect(accountLinkPath("reset", "s3cret")).toBe("/reset-password/s3cret");
  });
});

describe("account link expiry", () => {
  const now = new Date("2026-01-01T00:00:00Z");

  it("gives invitations 7 days and resets 24 hours", () => {
    expect(INVITATION_TTL_MS).toBe(7 * 24 * 3600 * 1000);
    expect(RESET_TTL_MS).toBe(24 * 3600 * 1000);
    expect(linkExpiresAt("invitation", now).toISOString()).toBe("2026-01-08T00:00:00.000Z");
    expect(linkExpiresAt("reset", now).toISOString()).toBe("2026-01-02T00:00:00.000Z");
  });

  it("is usable until its expiry, expired from that moment, and used once redeemed", () => {
    const expiresAt = linkExpiresAt("reset", now);
    expect(linkState({ expiresAt, usedAt: null }, new Date(expiresAt.getTime() - 1))).toBe("usable");
    expect(linkState({ expiresAt, usedAt: null }, expiresAt)).toBe("expired");
    expect(linkState({ expiresAt, usedAt: now }, now)).toBe("used");
  });
});
