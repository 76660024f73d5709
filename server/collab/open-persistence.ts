import { databaseProvider } from "../db/database-url";
import type { PrismaClient } from "../db/create-prisma";
import { consoleLogger, type Logger } from "./logger";
import { createPrismaPersistence, type Persistence } from "./persistence";
import { createPgLog } from "./pg-log";
import { createSqliteLog } from "./sqlite-log";

/**
 * The persistence a collaboration process runs on DATABASE_URL: Prisma for everything but the document log (every
 * edit and every open), which has a connection of its own to the database: better-sqlite3 on SQLite
 * (sqlite-log.ts), a node-postgres pool on PostgreSQL (pg-log.ts). close() closes that connection; the Prisma
 * client is the caller's.
 */
export function openPersistence(
  databaseUrl: string,
  prisma: PrismaClient,
  log: Logger = consoleLogger,
): Persistence & { close(): void | Promise<void> } {
  const documentLog =
    databaseProvider(databaseUrl) === "sqlite" ? createSqliteLog(databaseUrl) : createPgLog(databaseUrl, log);
  return { ...createPrismaPersistence(prisma), ...documentLog };
}
