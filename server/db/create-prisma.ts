import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type Database from "better-sqlite3";
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
  return new PrismaClient({ adapter: withImmediateTransactions(new PrismaBetterSQLite3({ url: databaseUrl })) });
}

/**
 * Prisma's SQLite adapter with every transaction (a nested write, a `$transaction`) begun IMMEDIATE. The adapter
 * begins them DEFERRED, and SQLite fails a deferred transaction at once (SQLITE_BUSY, which Prisma reports as
 * P1008, "Operation has timed out") when another process held the write lock and committed while it waited:
 * its snapshot is stale. The collaboration server appends every edit, so a publish or a decision could fail while
 * people type. Begun IMMEDIATE, a transaction waits for the lock (the busy timeout) before it reads. The adapter
 * sends `BEGIN` through its better-sqlite3 connection's `prepare`, changed here for that one statement
 * (tests/integration/server/db/sqlite-transactions.test.ts fails if the adapter stops doing so).
 */
function withImmediateTransactions(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client: Database.Database }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = ((source: string) =>
      prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source)) as Database.Database["prepare"];
    return adapter;
  };
  return factory;
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
