import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";

export type { PrismaClient } from "./generated/client";

/**
 * A Prisma client on the embedded SQLite database through the better-sqlite3 driver adapter (no engine
 * binary). The collaboration server, scripts and tests call this; the Next app uses `server/db/prisma.ts`.
 */
export function createPrisma(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
}
