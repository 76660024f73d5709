import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseProvider } from "./database-url";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient } from "./generated-postgresql/client";

export type { PrismaClient } from "./generated/client";

/**
 * A Prisma client on DATABASE_URL through a driver adapter (no engine binary): better-sqlite3 for a `file:` URL,
 * pg for a PostgreSQL one. The collaboration server, scripts and tests call this; the Next app uses
 * `server/db/prisma.ts`.
 * @throws Error for a URL of another kind.
 */
export function createPrisma(databaseUrl: string): PrismaClient {
  if (databaseProvider(databaseUrl) === "postgresql") {
    // Prisma refuses an adapter whose provider is not its schema's, so PostgreSQL has a client of its own,
    // generated from the same data model (prisma/postgresql/schema.prisma). Its API differs from the SQLite
    // client's only by what PostgreSQL offers beyond it (isolation levels, case-insensitive filters): callers get
    // the SQLite type, so they use only what both databases do.
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
}
