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
    return new PostgresPrismaClient({
      adapter: new PrismaPg({ connectionString: databaseUrl }),
    }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
}

/**
 * Write-ahead logging for a SQLite database that two processes write (the app and the collaboration server,
 * which appends every edit): readers do not block the writer, and with synchronous=NORMAL a commit needs no
 * fsync, yet survives a crash of the process (not of the machine). No-op on PostgreSQL.
 */
export async function tuneSqlite(prisma: PrismaClient, databaseUrl: string): Promise<void> {
  if (databaseProvider(databaseUrl) !== "sqlite") return;
  await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
}
