import { spawn, type ChildProcess } from "node:child_process";
import { DEMO_STORY_SLUG } from "../prisma/seed";
import { COLLAB_ENV, COLLAB_NODE_OPTIONS } from "./build-collab";
import { createPrisma } from "../server/db/create-prisma";
import { DEMO_PASSWORD, DEMO_USERS, activeDemoAccounts } from "../server/users/demo-accounts";
import { getEnv } from "../server/env";
import { loadDotEnv } from "../server/load-dotenv";
import { localSiteOffPort } from "../lib/http/cross-site-writes";

// Runs the Next app and the collaboration server side by side (`npm start`, or `npm run dev` with --dev).
// Ctrl-C or SIGTERM stops both; the collaboration server stores every open document before it exits. If
// either process dies, the other is stopped too and the exit code is passed on.

loadDotEnv();
const env = getEnv();
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const COMPILED_COLLAB = [...COLLAB_NODE_OPTIONS, "dist/collab/main.mjs"];

// Node is started directly (not through npx) so that signals reach the servers themselves.
const children: ChildProcess[] = [
  spawn(process.execPath, ["node_modules/next/dist/bin/next", dev ? "dev" : "start", "--port", port], {
    stdio: "inherit",
    env: process.env,
  }),
  // `npm run build` compiled it to one file (build:collab); under `npm run dev` it runs from source.
  spawn(process.execPath, dev ? ["--import", "tsx", "server/collab/main.ts"] : COMPILED_COLLAB, {
    stdio: "inherit",
    env: { ...COLLAB_ENV, ...process.env },
  }),
];

let stopping = false;
let exitCode = 0;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}
for (const child of children) {
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`A process stopped (${signal ?? `exit ${code}`}); stopping the other.`);
      stopAll(code ?? 1);
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
  });
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

// The address people open, which the pages' writes must come from (lib/http/cross-site-writes.ts).
const base = new URL(env.NEXTAUTH_URL).origin;
// The demo logins are printed only while demo accounts can sign in (setup seeds them where demoSeedAllowed says).
const demoPrisma = createPrisma(env.DATABASE_URL);
const demoEmails = await activeDemoAccounts(demoPrisma).finally(() => demoPrisma.$disconnect());
const demo = demoEmails.length > 0;
const offPort = localSiteOffPort(env.NEXTAUTH_URL, port);
const lines = [
  "  Corroborate is starting.",
  ...(offPort ? [`  Warning: ${offPort}`] : []),
  `    App:            ${base}`,
  ...(demo ? [`    Demo story:     ${base}/stories/${DEMO_STORY_SLUG}/edit`] : []),
  `    Collaboration:  ws://localhost:${env.COLLAB_PORT}`,
  ...(demo
    ? [
        `  Demo logins (password "${DEMO_PASSWORD}"):`,
        ...DEMO_USERS.filter((user) => demoEmails.includes(user.email)).map(
          (user) => `    ${user.role.padEnd(9)} ${user.email}`,
        ),
      ]
    : [
        "  No demo accounts. First admin: npm run setup -- --admin you@example.org (prints a link to set the password).",
      ]),
  "  Press Ctrl-C to stop.",
];
console.log(`\n${lines.join("\n")}\n`);
