import { createServer } from "node:http";
import Provider from "oidc-provider";
import { SSO_TEST_ACCOUNTS, SSO_TEST_CLIENT, ssoTestIssuer } from "./accounts";

/** A running test provider. */
export interface TestOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

/**
 * Starts a real OpenID Connect provider (oidc-provider) on 127.0.0.1:`port` with the app as its one client
 * (`redirectUri`, the app's /api/auth/callback/oidc) and the accounts of tests/oidc/accounts.ts. Its login and
 * consent pages are oidc-provider's development interactions: any password, the account's sub as the login.
 * ID tokens carry the email, email_verified and name claims, as most providers' do.
 */
export async function startTestOidcProvider({
  port,
  redirectUri,
}: {
  port: number;
  redirectUri: string;
}): Promise<TestOidcProvider> {
  const issuer = ssoTestIssuer(port);
  const accounts = new Map<string, (typeof SSO_TEST_ACCOUNTS)[keyof typeof SSO_TEST_ACCOUNTS]>(
    Object.values(SSO_TEST_ACCOUNTS).map((account) => [account.sub, account]),
  );
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: SSO_TEST_CLIENT.id,
        client_secret: SSO_TEST_CLIENT.secret,
        redirect_uris: [redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: () => ({ ...account }) } : undefined;
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Put the scopes' claims in the ID token too (by default only userinfo has them in the code flow).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["e2e-oidc-cookie-key-0123456789-abcdefghijkl"] },
  });
  provider.on("server_error", (_ctx, error) => console.error("test OIDC provider:", error));
  const server = createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
