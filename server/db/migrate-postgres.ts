import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** The committed PostgreSQL migrations: one folder per migration, named `<timestamp>_<name>`, with migration.sql. */
export const POSTGRES_MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/postgresql/migrations", import.meta.url));

// Any constant will do, as long as nothing else on the server takes the same advisory lock.
const MIGRATION_LOCK = 7_211_912;

/**
 * Applies the PostgreSQL migrations this database has not had yet, oldest first, each in its own transaction
 * together with its row in `_migrations` (name, SHA-256 of the file), and returns the names it applied. Prisma 6's
 * `migrate deploy` through the pg adapter is buggy (STACK-NOTES.md), so the SQL written by `prisma migrate diff`
 * is applied here. Safe to run again, and from several processes at once: an advisory lock makes them take turns.
 * @throws Error naming the migration whose SQL failed (it is rolled back and later ones are not tried), or one that
 * was changed after it was applied; pg's error when the server cannot be reached.
 */
export async function migratePostgres(connectionString: string, dir = POSTGRES_MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "_migrations" (
         "name" TEXT PRIMARY KEY,
         "checksum" TEXT NOT NULL,
         "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
       )`,
    );
    const applied = new Map(
      (await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "_migrations"`)).rows.map(
        (row) => [row.name, row.checksum],
      ),
    );
    const done: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied: add a new migration instead.`);
        }
        continue;
      }
      try {
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query(`INSERT INTO "_migrations" ("name", "checksum") VALUES ($1, $2)`, [
          migration.name,
          migration.checksum,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        // On a lost connection the rollback fails too; the migration's own error is the one to report.
        await client.query("ROLLBACK").catch(() => undefined);
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${reason}`, { cause: error });
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    // Ending the session releases the advisory lock.
    await client.end();
  }
}

async function readMigrations(dir: string): Promise<Array<{ name: string; sql: string; checksum: string }>> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}
