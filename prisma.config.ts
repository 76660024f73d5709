import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { loadDotEnv } from "./server/load-dotenv";

// Prisma 6.19's CLI runs migrations through the same driver adapter as the app, so that no engine binary is
// downloaded (see STACK-NOTES.md). Without DATABASE_URL set, `prisma generate` tries to download a query
// engine, so the embedded default is filled in here.
loadDotEnv();
process.env.DATABASE_URL ??= "file:./data/corroborate.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "" });
  },
});
