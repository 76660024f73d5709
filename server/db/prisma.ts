import "server-only";
import { getEnv } from "../env";
import { createPrisma, type PrismaClient } from "./create-prisma";

const globalForPrisma = globalThis as unknown as { corroboratePrisma?: PrismaClient };

/** The Next app's one Prisma client, kept across hot reloads in development. */
export function prisma(): PrismaClient {
  globalForPrisma.corroboratePrisma ??= createPrisma(getEnv().DATABASE_URL);
  return globalForPrisma.corroboratePrisma;
}
