import "server-only";
import { createCollabClient, type CollabClient } from "../collab/collab-client";
import type { PrismaClient } from "../db/create-prisma";
import { prisma } from "../db/prisma";
import { getEnv } from "../env";

let collab: CollabClient | undefined;

/** The database and the collaboration server, as the Next app's review routes use them. */
export function reviewDeps(): { prisma: PrismaClient; collab: CollabClient } {
  const env = getEnv();
  collab ??= createCollabClient(env.COLLAB_INTERNAL_URL ?? `http://127.0.0.1:${env.COLLAB_PORT}`, env.COLLAB_TOKEN_SECRET);
  return { prisma: prisma(), collab };
}
