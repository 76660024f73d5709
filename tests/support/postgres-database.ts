import pg from "pg";
import { developmentPostgresUrl } from "@/server/db/database-url";
import { migratePostgres } from "@/server/db/migrate-postgres";

/** The PostgreSQL server the integration tests create their databases on (POSTGRES_ADMIN_URL, or the local one). */
export const INTEGRATION_POSTGRES_SERVER = developmentPostgresUrl();

/** The URL of database `name` on the integration server. */
export function postgresDatabaseUrl(name: string): string {
  const url = new URL(INTEGRATION_POSTGRES_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Why the integration server cannot be reached (pg's message), or null when it answers. */
export async function postgresUnreachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: INTEGRATION_POSTGRES_SERVER, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates an empty database on the integration server, dropping one of that name left by an earlier run. */
export async function createPostgresDatabase(name: string): Promise<void> {
  await onServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

/** Drops a database of the integration server, closing whatever connections are still open on it. */
export async function dropPostgresDatabase(name: string): Promise<void> {
  await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function onServer(run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: INTEGRATION_POSTGRES_SERVER });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Vitest's global setup on PostgreSQL (vitest.config.ts): creates this run's database, which run-on-postgresql.ts
 * names in INTEGRATION_DATABASE_URL, applies the committed PostgreSQL migrations with the same step as `npm run db:migrate`,
 * and returns what drops it after the run.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.INTEGRATION_DATABASE_URL;
  if (!url)
    throw new Error(
      "INTEGRATION_DATABASE_URL names no PostgreSQL database: npm run test:integration:postgresql sets it.",
    );
  const name = new URL(url).pathname.slice(1);
  await createPostgresDatabase(name);
  await migratePostgres(url);
  return () => dropPostgresDatabase(name);
}
