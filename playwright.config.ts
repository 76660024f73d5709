import { defineConfig, devices } from "@playwright/test";
import { SSO_TEST_CLIENT, SSO_TEST_NAME, ssoTestIssuer } from "./tests/oidc/accounts";

// E2E_PORT / E2E_COLLAB_PORT / E2E_DIST_DIR let two checkouts (or two people) run the suite side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const COLLAB_PORT = Number(process.env.E2E_COLLAB_PORT ?? 1334);
export const E2E_BASE_URL = `http://localhost:${PORT}`;
// The publishing helpers of the tests are also used by bench/reader.bench.ts against its own app instance.
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./tests/.tmp/e2e.db";
export const E2E_COLLAB_URL = process.env.E2E_COLLAB_URL ?? `http://127.0.0.1:${COLLAB_PORT}`;
// The collaboration server's internal endpoints: their own listener, by default on COLLAB_PORT + 1.
export const E2E_COLLAB_INTERNAL_URL = process.env.E2E_COLLAB_INTERNAL_URL ?? `http://127.0.0.1:${COLLAB_PORT + 1}`;
export const E2E_COLLAB_TOKEN_SECRET = "e2e-collab-secret-0123456789-abcdefghijklmnop";
// Set here, not left to .env: on a fresh clone setup writes .env with a random one the tests could not sign with.
export const E2E_COLLAB_INTERNAL_SECRET = "e2e-internal-secret-0123456789-abcdefghijklmn";
// The test OpenID Connect provider the app signs in with (tests/oidc/), on 127.0.0.1 beside the app.
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 10);
export const E2E_OIDC_ISSUER = ssoTestIssuer(OIDC_PORT);

// Debian's Chromium (Playwright's own browser download is unreachable here); see STACK-NOTES.md.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: [
    {
      command: "npx tsx tests/e2e/serve.ts",
      url: `${E2E_BASE_URL}/signin`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        PORT: String(PORT),
        COLLAB_PORT: String(COLLAB_PORT),
        DATABASE_URL: E2E_DATABASE_URL,
        NEXTAUTH_URL: E2E_BASE_URL,
        NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789-abcdefghijklmnop",
        COLLAB_TOKEN_SECRET: E2E_COLLAB_TOKEN_SECRET,
        COLLAB_INTERNAL_SECRET: E2E_COLLAB_INTERNAL_SECRET,
        NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-e2e",
        NEXT_TELEMETRY_DISABLED: "1",
        OIDC_ISSUER: E2E_OIDC_ISSUER,
        OIDC_CLIENT_ID: SSO_TEST_CLIENT.id,
        OIDC_CLIENT_SECRET: SSO_TEST_CLIENT.secret,
        OIDC_NAME: SSO_TEST_NAME,
      },
    },
    {
      // Node directly, not npx, so that SIGTERM reaches it.
      command: "node --import tsx tests/oidc/serve.ts",
      url: `${E2E_OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: {
        E2E_OIDC_PORT: String(OIDC_PORT),
        E2E_OIDC_REDIRECT_URI: `${E2E_BASE_URL}/api/auth/callback/oidc`,
      },
    },
  ],
});
