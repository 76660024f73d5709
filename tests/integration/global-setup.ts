import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { INTEGRATION_DATABASE_FILE, INTEGRATION_DATABASE_URL } from "./database";

const removeDatabase = () => {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${INTEGRATION_DATABASE_FILE}${suffix}`, { force: true });
};

/** Creates a fresh SQLite database for the integration tests with the committed migrations; removes it afterwards. */
export default function setup(): () => void {
  mkdirSync("tests/.tmp", { recursive: true });
  removeDatabase();
  const result = spawnSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: INTEGRATION_DATABASE_URL },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  return removeDatabase;
}
