import { mkdirSync, rmSync } from "node:fs";
import { runPrismaCli } from "@/server/db/prisma-cli";
import { INTEGRATION_DATABASE_FILE, INTEGRATION_DATABASE_URL } from "../support/database";

const removeDatabase = () => {
  for (const suffix of ["", "-journal", "-wal", "-shm"])
    rmSync(`${INTEGRATION_DATABASE_FILE}${suffix}`, { force: true });
};

/**
 * Creates a fresh SQLite database for the integration tests with the committed migrations; returns what removes it
 * afterwards. Synchronous, for tests/fuzz/cli.ts too; PostgreSQL runs use postgres-database.ts instead.
 */
export default function setup(): () => void {
  mkdirSync("tests/.tmp", { recursive: true });
  removeDatabase();
  runPrismaCli(["migrate", "deploy"], INTEGRATION_DATABASE_URL);
  return removeDatabase;
}
