import { databaseProvider } from "../db/database-url";
import type { PrismaClient } from "../db/create-prisma";
import { createPrismaPersistence, type Persistence } from "./persistence";
import { createSqliteLog } from "./sqlite-log";

/**
 * The persistence a collaboration process runs on DATABASE_URL: Prisma for everything, except that on SQLite the
 * document log (every edit and every open) has a better-sqlite3 connection of its own (sqlite-log.ts). close()
 * closes that connection; the Prisma client is the caller's.
 */
export function openPersistence(databaseUrl: string, prisma: PrismaClient): Persistence & { close(): void } {
  const persistence = createPrismaPersistence(prisma);
  if (databaseProvider(databaseUrl) !== "sqlite") return { ...persistence, close() {} };
  return { ...persistence, ...createSqliteLog(databaseUrl) };
}
