import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { INTEGRATION_POSTGRES_SERVER, postgresDatabaseUrl, postgresUnreachable } from "../support/postgres-database";

// `npm run test:integration:postgresql [-- vitest arguments]`: the integration suite on a PostgreSQL database of
// its own, corroborate_it_<this process's id> on POSTGRES_ADMIN_URL (by default the local server, as in CI),
// created and migrated by postgres-database.ts and dropped after the run. When the server cannot be reached, the
// run fails under CI=true; elsewhere it is skipped, saying so, so that a machine without PostgreSQL can still run
// `npm test`.

const unreachable = await postgresUnreachable();
if (unreachable) {
  const where = new URL(INTEGRATION_POSTGRES_SERVER).host;
  if (process.env.CI) {
    console.error(`\nFAILED: PostgreSQL at ${where} is not reachable for the integration tests: ${unreachable}\n`);
    process.exit(1);
  }
  console.log(
    `\nSKIPPED the integration tests on PostgreSQL: ${where} is not reachable (${unreachable}). Under CI=true this fails.\n`,
  );
  process.exit(0);
}

// The package's bin file, by path: its exports do not name it.
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
const run = spawnSync(process.execPath, [vitest, "run", "--project", "integration", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, INTEGRATION_DATABASE_URL: postgresDatabaseUrl(`corroborate_it_${process.pid}`) },
});
process.exit(run.status ?? 1);
