import { databaseProvider } from "../db/database-url";
import type { PrismaClient } from "../db/create-prisma";
import { consoleLogger, type Logger } from "./logger";
import type { Persistence, Records } from "./persistence";

/**
 * The persistence a collaboration process runs on DATABASE_URL. The document log and the access poll (every edit,
 * every open, every few seconds) have a connection of their own: better-sqlite3 on SQLite (sqlite-log.ts), a
 * node-postgres pool on PostgreSQL (pg-log.ts). The records (audit events, claim activity, notifications, sources)
 * go through Prisma: through `prisma` when given (the caller's client), else through a client of the
 * persistence's own, loaded with the first record, so that a process that only serves edits never loads Prisma
 * (its modules and its query compiler, about 35 MB; bench/RESULTS.md). close() closes what the persistence opened.
 */
export async function openPersistence(
  databaseUrl: string,
  { prisma, log = consoleLogger }: { prisma?: PrismaClient; log?: Logger } = {},
): Promise<Persistence & { close(): Promise<void> }> {
  // Each log's driver loads only where it runs (node-postgres alone is about 4 MB).
  const documentLog =
    databaseProvider(databaseUrl) === "sqlite"
      ? (await import("./sqlite-log")).createSqliteLog(databaseUrl)
      : (await import("./pg-log")).createPgLog(databaseUrl, log);
  const records = lazyRecords(databaseUrl, prisma);
  return {
    ...records,
    ...documentLog,
    async close() {
      await Promise.all([records.close(), documentLog.close()]);
    },
  };
}

/**
 * Records whose every call waits for the records module (loaded with the first call, and with it Prisma) and goes
 * to it; through `prisma`, or through a client of their own that close() disconnects.
 */
function lazyRecords(databaseUrl: string, prisma: PrismaClient | undefined): Records & { close(): Promise<void> } {
  let opening: Promise<{ records: Records; own: PrismaClient | null }> | null = null;
  const opened = async () => {
    const attempt = (opening ??= import("./records").then(
      ({ createRecords, openRecords }): Promise<{ records: Records; own: PrismaClient | null }> =>
        prisma ? Promise.resolve({ records: createRecords(prisma), own: null }) : openRecords(databaseUrl),
    ));
    try {
      return (await attempt).records;
    } catch (error) {
      // A failed first load (the chunk, the database) is tried again by the next record, not kept for good.
      if (opening === attempt) opening = null;
      throw error;
    }
  };
  return {
    recordActivity: async (activity) => (await opened()).recordActivity(activity),
    recordStatusChange: async (change) => (await opened()).recordStatusChange(change),
    recordClaimDeleted: async (deletion) => (await opened()).recordClaimDeleted(deletion),
    recordComment: async (comment) => (await opened()).recordComment?.(comment),
    loadSource: async (storyId, sourceId) => (await opened()).loadSource(storyId, sourceId),
    async close() {
      const current = opening;
      opening = null;
      const own = current && (await current.then(({ own }) => own).catch(() => null));
      await own?.$disconnect();
    },
  };
}
