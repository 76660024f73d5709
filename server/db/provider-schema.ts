import type { DatabaseProvider } from "./database-url";

/** The data model, for SQLite: the one file a person edits. */
export const SCHEMA_PATH = "prisma/schema.prisma";
/** The same data model for PostgreSQL, derived from SCHEMA_PATH (`npm run db:diff` writes it). */
export const POSTGRES_SCHEMA_PATH = "prisma/postgresql/schema.prisma";

// Where each schema's client is generated, relative to its own file.
const CLIENT_OUTPUT: Record<DatabaseProvider, string> = {
  sqlite: "../server/db/generated",
  postgresql: "../../server/db/generated-postgresql",
};

const DERIVED_HEADER =
  "// Derived from prisma/schema.prisma by `npm run db:diff` (server/db/provider-schema.ts): do not edit; edit that\n" +
  "// file and run `npm run db:diff -- <name>`, which writes this file and a migration for each provider.\n";

/**
 * The data model of a schema file rewritten for a provider: the datasource's provider and the generator's output
 * change, nothing else. Prisma binds a schema, and the client generated from it, to one provider, so PostgreSQL
 * needs a schema file of its own; deriving it keeps prisma/schema.prisma the one source of truth. The rewrite
 * is reversible: `schemaForProvider(schemaForProvider(s, "postgresql"), "sqlite")` is `s`.
 * @throws Error when the file has no `provider = "…"` in `datasource db` or no `output = "…"` in
 * `generator client` (the file changed shape: look at this function).
 */
export function schemaForProvider(schema: string, provider: DatabaseProvider): string {
  const body = schema.startsWith(DERIVED_HEADER) ? schema.slice(DERIVED_HEADER.length) : schema;
  const rewritten = replaceOnce(
    replaceOnce(
      body,
      /(datasource db \{[^}]*?\bprovider\s*=\s*)"[^"]*"/,
      `$1"${provider}"`,
      "datasource db's provider",
    ),
    /(generator client \{[^}]*?\boutput\s*=\s*)"[^"]*"/,
    `$1"${CLIENT_OUTPUT[provider]}"`,
    "generator client's output",
  );
  return provider === "sqlite" ? rewritten : DERIVED_HEADER + rewritten;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(text)) throw new Error(`The Prisma schema has no ${what} to rewrite.`);
  return text.replace(pattern, replacement);
}
