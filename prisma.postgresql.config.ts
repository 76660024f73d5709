import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { databaseProvider } from "./server/db/database-url";
import { loadDotEnv } from "./server/load-dotenv";

// The CLI on the PostgreSQL schema (derived from prisma/schema.prisma, see server/db/provider-schema.ts), used
// with `--config prisma.postgresql.config.ts` for `generate` and for `migrate diff` between schema files, which
// never connect. Prisma 6's migrate through the pg adapter is buggy (STACK-NOTES.md): `npm run db:migrate`
// applies prisma/postgresql/migrations itself (server/db/migrate-postgres.ts). `prisma generate` downloads a
// query engine unless DATABASE_URL is a URL of the schema's provider, so a placeholder stands in for any other.
loadDotEnv();
const configured = process.env.DATABASE_URL;
process.env.DATABASE_URL =
  configured && databaseProvider(configured) === "postgresql" ? configured : "postgresql://localhost/corroborate";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "postgresql", "schema.prisma"),
  migrations: { path: path.join("prisma", "postgresql", "migrations") },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
