import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseProvider, developmentPostgresUrl } from "../server/db/database-url";
import { runPrismaCli } from "../server/db/prisma-cli";
import { POSTGRES_SCHEMA_PATH, SCHEMA_PATH, schemaForProvider } from "../server/db/provider-schema";

// `npm run db:diff -- <name>` after editing prisma/schema.prisma: writes the change as a migration for each
// provider, under the same `<timestamp>_<name>` (prisma/migrations for SQLite, prisma/postgresql/migrations for
// PostgreSQL), and the derived PostgreSQL schema. The committed PostgreSQL schema is the data model as the last
// migrations left it, so each migration is `prisma migrate diff` between two schema files (migrate diff from the
// migrations folder needs a shadow database, which Prisma refuses with a driver adapter). Prisma opens a
// database through the adapter even then: a scratch SQLite file, and a PostgreSQL server (DATABASE_URL when it
// names one, else POSTGRES_ADMIN_URL or the local server), where it changes nothing.

const { positionals } = parseArgs({ allowPositionals: true });
const name = positionals[0] ?? "";
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error(
    "Usage: npm run db:diff -- <name>, the name in lower case letters, digits and underscores (add_story_language).",
  );
  process.exit(2);
}

const schema = readFileSync(SCHEMA_PATH, "utf8");
const previousPostgres = readFileSync(POSTGRES_SCHEMA_PATH, "utf8");
const nextPostgres = schemaForProvider(schema, "postgresql");
if (nextPostgres === previousPostgres) {
  console.log(`${SCHEMA_PATH} has not changed since the last migration: nothing to write.`);
  process.exit(0);
}

const scratch = mkdtempSync(path.join(tmpdir(), "corroborate-db-diff-"));
try {
  const previousSqlitePath = path.join(scratch, "previous-sqlite.prisma");
  const nextPostgresPath = path.join(scratch, "next-postgresql.prisma");
  writeFileSync(previousSqlitePath, schemaForProvider(previousPostgres, "sqlite"));
  writeFileSync(nextPostgresPath, nextPostgres);

  const configured = process.env.DATABASE_URL;
  const postgresUrl =
    configured && databaseProvider(configured) === "postgresql" ? configured : developmentPostgresUrl();
  const sqlite = runPrismaCli(
    [
      "migrate",
      "diff",
      "--from-schema-datamodel",
      previousSqlitePath,
      "--to-schema-datamodel",
      SCHEMA_PATH,
      "--script",
    ],
    `file:${path.join(scratch, "scratch.db")}`,
  );
  const postgres = runPrismaCli(
    [
      "migrate",
      "diff",
      "--config",
      "prisma.postgresql.config.ts",
      "--from-schema-datamodel",
      POSTGRES_SCHEMA_PATH,
      "--to-schema-datamodel",
      nextPostgresPath,
      "--script",
    ],
    postgresUrl,
  );

  const folder = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
  for (const [migrations, sql] of [
    ["prisma/migrations", sqlite],
    ["prisma/postgresql/migrations", postgres],
  ] as const) {
    mkdirSync(path.join(migrations, folder), { recursive: true });
    writeFileSync(path.join(migrations, folder, "migration.sql"), sql);
    console.log(`Wrote ${path.join(migrations, folder, "migration.sql")}`);
  }
  writeFileSync(POSTGRES_SCHEMA_PATH, nextPostgres);
  console.log(`Wrote ${POSTGRES_SCHEMA_PATH}. Read both migrations (SQLite rebuilds a table to change a column;`);
  console.log("add the statements that move existing data), then run npm run db:generate and npm run db:migrate.");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
