import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "@/server/db/generated/client";
import { migratePostgres, POSTGRES_MIGRATIONS_DIR } from "@/server/db/migrate-postgres";
import { INTEGRATION_DATABASE_URL, INTEGRATION_PROVIDER } from "../../../support/database";
import { createPostgresDatabase, dropPostgresDatabase, postgresDatabaseUrl } from "../../../support/postgres-database";

// On a scratch database of its own beside the run's, which global setup migrated already.
const database = `${new URL(INTEGRATION_DATABASE_URL).pathname.slice(1)}_migrations`;
const url = postgresDatabaseUrl(database);
let dir: string;

function migration(name: string, sql: string): void {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

async function query<Row extends object>(sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tables = async () =>
  (await query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map(
    (row) => row.name,
  );

describe.skipIf(INTEGRATION_PROVIDER !== "postgresql")("the PostgreSQL migration step", () => {
  beforeEach(async () => {
    await createPostgresDatabase(database);
    dir = mkdtempSync(path.join(tmpdir(), "corroborate-migrations-"));
    return () => rmSync(dir, { recursive: true, force: true });
  });
  afterAll(() => dropPostgresDatabase(database));

  it("brings an empty database to every table of the data model", async () => {
    expect(await migratePostgres(url)).toEqual(readdirSync(POSTGRES_MIGRATIONS_DIR).sort());
    expect(await tables()).toEqual([...Object.values(Prisma.ModelName), "_migrations"].sort());
  });

  it("applies each migration once, oldest first, and later only the new ones", async () => {
    migration("20260102000000_fill", `INSERT INTO "Note" ("text") VALUES ('second');`);
    migration("20260101000000_create", `CREATE TABLE "Note" ("id" SERIAL PRIMARY KEY, "text" TEXT NOT NULL);`);
    expect(await migratePostgres(url, dir)).toEqual(["20260101000000_create", "20260102000000_fill"]);
    expect(await migratePostgres(url, dir)).toEqual([]);
    migration("20260103000000_more", `INSERT INTO "Note" ("text") VALUES ('third');`);
    expect(await migratePostgres(url, dir)).toEqual(["20260103000000_more"]);
    expect(await query(`SELECT "text" FROM "Note" ORDER BY "id"`)).toEqual([{ text: "second" }, { text: "third" }]);
    expect(
      (await query<{ name: string }>(`SELECT "name" FROM "_migrations" ORDER BY 1`)).map((row) => row.name),
    ).toEqual(["20260101000000_create", "20260102000000_fill", "20260103000000_more"]);
  });

  it("rolls back a migration that fails, names it, and tries none after it", async () => {
    migration("20260101000000_create", `CREATE TABLE "Note" ("id" SERIAL PRIMARY KEY);`);
    migration("20260102000000_broken", `CREATE TABLE "Half" ("id" INT); SELECT 1 / 0;`);
    migration("20260103000000_after", `CREATE TABLE "After" ("id" INT);`);
    await expect(migratePostgres(url, dir)).rejects.toThrow(
      "Migration 20260102000000_broken failed and was rolled back: division by zero",
    );
    expect(await tables()).toEqual(["Note", "_migrations"]);
    expect(await query(`SELECT "name" FROM "_migrations"`)).toEqual([{ name: "20260101000000_create" }]);
  });

  it("refuses a migration that changed after it was applied", async () => {
    migration("20260101000000_create", `CREATE TABLE "Note" ("id" SERIAL PRIMARY KEY);`);
    await migratePostgres(url, dir);
    writeFileSync(
      path.join(dir, "20260101000000_create", "migration.sql"),
      `CREATE TABLE "Note" ("id" BIGSERIAL PRIMARY KEY);`,
    );
    await expect(migratePostgres(url, dir)).rejects.toThrow(
      "Migration 20260101000000_create was changed after it was applied",
    );
  });

  it("lets processes that start at once take turns, so each migration is applied once", async () => {
    migration("20260101000000_create", `CREATE TABLE "Note" ("id" SERIAL PRIMARY KEY);`);
    migration("20260102000000_fill", `INSERT INTO "Note" DEFAULT VALUES;`);
    const runs = await Promise.all([migratePostgres(url, dir), migratePostgres(url, dir), migratePostgres(url, dir)]);
    expect(runs.flat().sort()).toEqual(["20260101000000_create", "20260102000000_fill"]);
    expect(await query(`SELECT count(*)::int AS notes FROM "Note"`)).toEqual([{ notes: 1 }]);
  });
});
