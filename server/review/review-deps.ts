import "server-only";
import { createCollabClient, type CollabClient } from "../collab/collab-client";
import { internalEndpoint } from "../collab/internal-endpoint";
import type { PrismaClient } from "../db/create-prisma";
import { prisma } from "../db/prisma";
import { getEnv } from "../env";

let collab: CollabClient | undefined;

/** The database and the collaboration server, as the Next app's review routes use them. */
export function reviewDeps(): { prisma: PrismaClient; collab: CollabClient } {
  const env = getEnv();
  const internal = internalEndpoint(env);
  collab ??= createCollabClient(internal.url, internal.secret);
  return { prisma: prisma(), collab };
}
