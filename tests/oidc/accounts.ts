// The people of the test OpenID Connect provider (tests/oidc/provider.ts) and the app's client there. Kept apart
// from the provider so that Playwright's config and the specs can read them without loading oidc-provider.

/** The client the app is at the test provider (OIDC_CLIENT_ID / OIDC_CLIENT_SECRET of the app under test). */
export const SSO_TEST_CLIENT = { id: "corroborate-e2e", secret: "e2e-oidc-client-secret-0123456789-abcdefgh" } as const;

/** The name the sign-in page shows for the test provider: "Sign in with Newsroom ID". */
export const SSO_TEST_NAME = "Newsroom ID";

/** An account at the test provider: its login (the subject) and the claims the provider asserts. */
export interface SsoTestAccount {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

/**
 * The provider's accounts: one the e2e tests invite, one nobody invited, one whose email the provider has not
 * verified (invited all the same, to show that the invitation does not help), and a demo editor's address.
 */
export const SSO_TEST_ACCOUNTS = {
  invited: { sub: "ines", email: "ines.duarte@example.org", email_verified: true, name: "Inès Duarte" },
  stranger: { sub: "sam", email: "sam.stranger@example.org", email_verified: true, name: "Sam Stranger" },
  unverified: { sub: "uma", email: "uma.unverified@example.org", email_verified: false, name: "Uma Unverified" },
  demoEditor: { sub: "maya", email: "maya@corroborate.local", email_verified: true, name: "Maya Chen" },
} as const satisfies Record<string, SsoTestAccount>;

/** The provider's issuer for an app on `appPort`: on 127.0.0.1 (its cookies apart from the app's on localhost). */
export function ssoTestIssuer(port: number): string {
  return `http://127.0.0.1:${port}`;
}
