import * as z from "zod";

/** The database of the embedded setup: a SQLite file, created and migrated by `npm run setup`. */
export const EMBEDDED_DATABASE_URL = "file:./data/corroborate.db";

/** The databases Corroborate runs on: the embedded SQLite file, or a PostgreSQL server. */
export type DatabaseProvider = "sqlite" | "postgresql";

const ACCEPTED =
  "DATABASE_URL must be a SQLite file URL such as file:./data/corroborate.db or a PostgreSQL URL such as " +
  "postgresql://user:password@host:5432/corroborate";

/**
 * The provider a DATABASE_URL names by its scheme: `file:` is SQLite, `postgresql://` and `postgres://` are
 * PostgreSQL.
 * @throws Error saying which URLs are accepted, for any other scheme.
 */
export function databaseProvider(url: string): DatabaseProvider {
  const provider = providerOf(url);
  if (!provider) throw new Error(ACCEPTED);
  return provider;
}

function providerOf(url: string): DatabaseProvider | undefined {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  return undefined;
}

/** DATABASE_URL as the processes and scripts accept it (unset: the embedded SQLite file). */
export const databaseUrlSchema = z
  .string()
  .refine((url) => providerOf(url) !== undefined, ACCEPTED)
  .default(EMBEDDED_DATABASE_URL);

/**
 * The PostgreSQL server of development tools: the integration tests create a database of their own there, and
 * `npm run db:diff` connects to it. POSTGRES_ADMIN_URL (a role that may create databases), by default the local
 * server as CI runs it.
 */
export function developmentPostgresUrl(): string {
  return process.env.POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}
