import { mkdirSync } from "node:fs";
import path from "node:path";
import { databaseProvider } from "./database-url";
import { migratePostgres } from "./migrate-postgres";
import { runPrismaCli } from "./prisma-cli";

/**
 * Brings a database up to the current schema with the migrations of its provider, and returns what was done for
 * the caller to print. SQLite: `prisma migrate deploy` on prisma/migrations, after creating the file's folder (the
 * SQLite driver cannot, and Prisma reports only "External error id#0"). PostgreSQL: prisma/postgresql/migrations
 * through `migratePostgres`.
 * @throws Error with Prisma's output when `migrate deploy` fails; migratePostgres's errors; an Error for a URL of
 * another kind.
 */
export async function migrateDatabase(databaseUrl: string): Promise<string> {
  if (databaseProvider(databaseUrl) === "postgresql") {
    const applied = await migratePostgres(databaseUrl);
    return applied.length === 0
      ? "PostgreSQL: no pending migrations."
      : `PostgreSQL: applied ${applied.length} migration${applied.length === 1 ? "" : "s"}: ${applied.join(", ")}.`;
  }
  mkdirSync(path.dirname(path.resolve(databaseUrl.replace(/^file:/, ""))), { recursive: true });
  return runPrismaCli(["migrate", "deploy"], databaseUrl).trim();
}
