import { startTestOidcProvider } from "./provider";

// The end-to-end suite's OpenID Connect provider, started by Playwright beside the app (playwright.config.ts
// sets E2E_OIDC_PORT and E2E_OIDC_REDIRECT_URI) and stopped with SIGTERM.

const port = Number(process.env.E2E_OIDC_PORT);
const redirectUri = process.env.E2E_OIDC_REDIRECT_URI;
if (!Number.isInteger(port) || !redirectUri) throw new Error("E2E_OIDC_PORT and E2E_OIDC_REDIRECT_URI are required");

const provider = await startTestOidcProvider({ port, redirectUri });
console.log(`test OIDC provider at ${provider.issuer}, client callback ${redirectUri}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void provider.close().then(() => process.exit(0));
  });
}
