import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

// Starts the whole app for the end-to-end tests, as `npm start` does but on a fresh test database and in
// its own build folder (playwright.config.ts sets the environment).

const databaseFile = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
if (!databaseFile.includes(".tmp")) throw new Error(`refusing to reset ${databaseFile}: not a test database`);
for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${databaseFile}${suffix}`, { force: true });

for (const [command, args] of [
  ["npx", ["tsx", "scripts/setup.ts"]],
  ["npx", ["next", "build"]],
  ["npx", ["tsx", "scripts/build-reader-assets.ts"]],
  ["npx", ["tsx", "scripts/build-collab.ts"]],
] as const) {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import("../../scripts/start");
