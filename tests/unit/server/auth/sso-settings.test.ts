import { afterEach, describe, expect, it, vi } from "vitest";
import { ssoProviders, ssoSettings } from "@/server/auth/sso";
import { getSsoEnv } from "@/server/env";

afterEach(() => vi.unstubAllEnvs());

describe("single sign-on settings", () => {
  it("are off when none of the three variables is set, or only empty ones", () => {
    vi.stubEnv("OIDC_ISSUER", "");
    vi.stubEnv("OIDC_CLIENT_ID", "");
    vi.stubEnv("OIDC_CLIENT_SECRET", "");
    expect(ssoSettings()).toBeNull();
    expect(ssoProviders()).toEqual([]);
  });

  it("name each missing variable when only some are set", () => {
    vi.stubEnv("OIDC_ISSUER", "https://login.example.org/realms/newsroom");
    vi.stubEnv("OIDC_CLIENT_ID", "");
    vi.stubEnv("OIDC_CLIENT_SECRET", "");
    expect(() => getSsoEnv()).toThrow(/OIDC_CLIENT_ID is missing[\s\S]*OIDC_CLIENT_SECRET is missing/);
  });

  it("refuse an issuer that is not an http(s) URL", () => {
    vi.stubEnv("OIDC_ISSUER", "login.example.org");
    vi.stubEnv("OIDC_CLIENT_ID", "corroborate");
    vi.stubEnv("OIDC_CLIENT_SECRET", "secret");
    expect(() => getSsoEnv()).toThrow(/OIDC_ISSUER must be an http:\/\/ or https:\/\/ URL/);
  });

  it("make one OpenID Connect provider with PKCE and state, reading the ID token", () => {
    vi.stubEnv("OIDC_ISSUER", "https://login.example.org/realms/newsroom/");
    vi.stubEnv("OIDC_CLIENT_ID", "corroborate");
    vi.stubEnv("OIDC_CLIENT_SECRET", "secret");
    vi.stubEnv("OIDC_NAME", "Newsroom ID");
    const [provider, ...others] = ssoProviders();
    expect(others).toEqual([]);
    expect(provider).toMatchObject({
      id: "oidc",
      name: "Newsroom ID",
      type: "oauth",
      wellKnown: "https://login.example.org/realms/newsroom/.well-known/openid-configuration",
      clientId: "corroborate",
      idToken: true,
      checks: ["pkce", "state"],
    });
    // Until the signIn callback admits them, the person has an id that is no user's.
    expect(provider?.profile?.({ sub: "42", email: "A@Example.org", name: "Ada" }, {})).toMatchObject({
      id: "sso:42",
      email: "a@example.org",
      name: "Ada",
    });
  });
});
