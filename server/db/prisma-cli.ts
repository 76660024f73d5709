import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

/**
 * Runs Prisma's CLI (in this Node, without npx's start-up) with DATABASE_URL set, from the working folder, where
 * it reads prisma.config.ts or the file `--config` names. Returns what it printed on stdout.
 * @throws Error with everything it printed when it exits non-zero.
 */
export function runPrismaCli(args: string[], databaseUrl: string): string {
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.slice(0, 2).join(" ")} failed:\n${`${result.stdout}${result.stderr}`.trim()}`);
  }
  return result.stdout;
}
