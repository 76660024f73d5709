// `npm run screenshots`: the README's pictures of the product, taken from a real run of the app by
// readme.screenshots.ts. The same servers and browser as the end-to-end tests (playwright.config.ts), on ports of
// their own so that it can run beside them; the pictures go to docs/screenshots/.
import path from "node:path";
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

const root = path.resolve(import.meta.dirname, "../..");
const webServers = Array.isArray(base.webServer) ? base.webServer : base.webServer ? [base.webServer] : [];

export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "readme.screenshots.ts",
  reporter: [["list"]],
  outputDir: "../../tests/.tmp/screenshots-output",
  // The servers' commands are relative to the repository, not to this file.
  webServer: webServers.map((server) => ({ ...server, cwd: root })),
});
