import { describe, expect, it } from "vitest";
import { decideSsoSignIn, describeSignInError, ssoIdentity, type SsoInvitation } from "@/lib/auth/sso";

const NOW = new Date("2026-03-01T12:00:00Z");
const HOUR = 60 * 60 * 1000;

function invitation(overrides: Partial<SsoInvitation> = {}): SsoInvitation {
  return {
    id: "link-1",
    kind: "invitation",
    email: "ines@example.org",
    role: "reviewer",
    expiresAt: new Date(NOW.getTime() + 24 * HOUR),
    usedAt: null,
    createdAt: new Date(NOW.getTime() - HOUR),
    ...overrides,
  };
}

const verified = ssoIdentity({ sub: "1", email: "Ines@Example.org", email_verified: true, name: "Inès Duarte" });

describe("ssoIdentity", () => {
  it("lower-cases the email and keeps the name", () => {
    expect(verified).toEqual({ email: "ines@example.org", emailVerified: true, name: "Inès Duarte" });
  });

  it.each([
    [{ email: "a@example.org" }, false],
    [{ email: "a@example.org", email_verified: false }, false],
    [{ email: "a@example.org", email_verified: "false" }, false],
    [{ email: "a@example.org", email_verified: "yes" }, false],
    [{ email: "a@example.org", email_verified: "true" }, true],
    [{ email: "a@example.org", email_verified: true }, true],
  ])("counts %j as verified: %s", (claims, expected) => {
    expect(ssoIdentity(claims).emailVerified).toBe(expected);
  });

  it("reads no email from a malformed one and never throws", () => {
    expect(ssoIdentity({ email: "not an address", email_verified: true }).email).toBeNull();
    expect(ssoIdentity(null)).toEqual({ email: null, emailVerified: false, name: "New member" });
    expect(ssoIdentity("garbage").email).toBeNull();
  });

  it("names a person from given and family names, the username or the email", () => {
    expect(ssoIdentity({ given_name: "Ada", family_name: "Lovelace" }).name).toBe("Ada Lovelace");
    expect(ssoIdentity({ preferred_username: "ada" }).name).toBe("ada");
    expect(ssoIdentity({ email: "ada@example.org" }).name).toBe("ada");
    expect(ssoIdentity({ name: "x".repeat(300) }).name).toHaveLength(100);
  });
});

describe("decideSsoSignIn", () => {
  it("signs in the existing, enabled person with the verified email", () => {
    expect(
      decideSsoSignIn({ identity: verified, user: { id: "u1", disabledAt: null }, invitations: [], now: NOW }),
    ).toEqual({
      kind: "existing",
      userId: "u1",
    });
  });

  it("refuses a disabled person, even one invited again", () => {
    const decision = decideSsoSignIn({
      identity: verified,
      user: { id: "u1", disabledAt: new Date(NOW.getTime() - HOUR) },
      invitations: [invitation()],
      now: NOW,
    });
    expect(decision).toEqual({ kind: "refused", error: "AccessDenied" });
  });

  it("admits an invited email with the invitation's role", () => {
    expect(decideSsoSignIn({ identity: verified, user: null, invitations: [invitation()], now: NOW })).toEqual({
      kind: "invited",
      invitationId: "link-1",
      email: "ines@example.org",
      name: "Inès Duarte",
      role: "reviewer",
    });
  });

  it("uses the newest usable invitation", () => {
    const decision = decideSsoSignIn({
      identity: verified,
      user: null,
      invitations: [
        invitation({ id: "old", role: "editor", createdAt: new Date(NOW.getTime() - 5 * HOUR) }),
        invitation({ id: "new", role: "admin", createdAt: new Date(NOW.getTime() - HOUR) }),
        invitation({ id: "newest-but-used", usedAt: NOW, createdAt: NOW }),
      ],
      now: NOW,
    });
    expect(decision).toMatchObject({ kind: "invited", invitationId: "new", role: "admin" });
  });

  it.each([
    ["used", invitation({ usedAt: new Date(NOW.getTime() - HOUR) })],
    ["expired", invitation({ expiresAt: new Date(NOW.getTime() - 1) })],
    ["expiring now", invitation({ expiresAt: NOW })],
    ["a reset link", invitation({ kind: "reset" })],
    ["for another email", invitation({ email: "someone@example.org" })],
    ["with no valid role", invitation({ role: "owner" })],
  ])("refuses an email whose only link is %s", (_, link) => {
    expect(decideSsoSignIn({ identity: verified, user: null, invitations: [link], now: NOW })).toEqual({
      kind: "refused",
      error: "AccessDenied",
    });
  });

  it("refuses an unverified or missing email before anything else", () => {
    const unverified = ssoIdentity({ email: "ines@example.org", email_verified: false });
    for (const identity of [unverified, ssoIdentity({ email_verified: true })]) {
      expect(
        decideSsoSignIn({ identity, user: { id: "u1", disabledAt: null }, invitations: [invitation()], now: NOW }),
      ).toEqual({ kind: "refused", error: "SsoEmailUnverified" });
    }
  });
});

describe("describeSignInError", () => {
  it("explains each refusal, naming the provider", () => {
    expect(describeSignInError(undefined, "Acme ID")).toBeNull();
    expect(describeSignInError("AccessDenied", "Acme ID")).toMatch(
      /Acme ID account has no access.*Ask an admin to invite/,
    );
    expect(describeSignInError("SsoEmailUnverified", "Acme ID")).toMatch(/Acme ID has not verified your email address/);
    expect(describeSignInError("OAuthCallback", "Acme ID")).toMatch(/Signing in with Acme ID did not complete/);
    expect(describeSignInError("<script>", "Acme ID")).toBe("Sign-in did not complete. Try again.");
  });
});
