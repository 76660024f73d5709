import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseProvider, EMBEDDED_DATABASE_URL } from "./server/db/database-url";
import { loadDotEnv } from "./server/load-dotenv";

// Prisma 6.19's CLI runs migrations through the same driver adapter as the app, so that no engine binary is
// downloaded (see STACK-NOTES.md). This is the CLI of the SQLite schema; PostgreSQL has its own
// (prisma.postgresql.config.ts), and `npm run db:migrate` picks by DATABASE_URL. `prisma generate` downloads a
// query engine unless DATABASE_URL is a URL of the schema's provider, even though it never connects, so the
// embedded default stands in when DATABASE_URL is unset or names PostgreSQL (`npm install` must work either way).
loadDotEnv();
const configured = process.env.DATABASE_URL;
const isSqlite = !configured || databaseProvider(configured) === "sqlite";
process.env.DATABASE_URL = isSqlite ? (configured ?? EMBEDDED_DATABASE_URL) : EMBEDDED_DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    if (!isSqlite)
      throw new Error("DATABASE_URL names PostgreSQL: `npm run db:migrate` migrates it, not this SQLite CLI.");
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "" });
  },
});
