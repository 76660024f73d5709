import { mentionedIds } from "../../lib/mentions/mention-tokens";
import { writeAuditEvent } from "../audit/write-audit-event";
import { createPrisma, tuneSqlite, type PrismaClient } from "../db/create-prisma";
import { isUniqueViolation } from "../db/prisma-errors";
import { announceEvent } from "../notifications/announce-event";
import type { Records } from "./persistence";

/**
 * The records a socket's work leaves (claim activity, audit events, notifications) and the sources the server
 * reads now and then, through Prisma. The document log and the access poll have a connection of their own
 * (open-persistence.ts).
 */
export function createRecords(prisma: PrismaClient): Records {
  return {
    async recordStatusChange({ storyId, claimId, userId, from, to }) {
      const event = await writeAuditEvent(prisma, {
        action: "claim.status_changed",
        actorId: userId,
        storyId,
        subject: claimId,
        data: { from, to },
      });
      // A claim asking for review tells the story's reviewer (server/notifications/notify-event.ts).
      await announceEvent(prisma, event);
    },
    async recordClaimDeleted({ storyId, claimId, userId, status, quotes }) {
      await writeAuditEvent(prisma, {
        action: "claim.deleted",
        actorId: userId,
        storyId,
        subject: claimId,
        data: { status, quotes },
      });
    },
    async recordComment({ storyId, claimId, commentId, userId, body }) {
      const ids = mentionedIds(body);
      const people = ids.length ? await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true } }) : [];
      const known = new Set(people.map(({ id }) => id));
      const event = await writeAuditEvent(prisma, {
        action: "claim.commented",
        actorId: userId,
        storyId,
        subject: claimId,
        data: { commentId, mentioned: ids.filter((id) => known.has(id)) },
      });
      await announceEvent(prisma, event);
    },
    loadSource(storyId, sourceId) {
      return prisma.source.findFirst({ where: { id: sourceId, storyId }, select: { text: true, revision: true } });
    },
    async recordActivity(activity) {
      try {
        await prisma.claimActivity.upsert({
          where: { storyId_claimId_userId_kind: activity },
          create: activity,
          update: {},
        });
      } catch (error) {
        // Prisma's upsert reads, then inserts: on PostgreSQL two updates of one person on one claim at once both
        // find no row, and the second insert breaks the unique key. The row is there, which is all that counts.
        if (!isUniqueViolation(error)) throw error;
      }
    },
  };
}

/** A Prisma client of its own on DATABASE_URL, tuned as the app's, and the records through it. */
export async function openRecords(databaseUrl: string): Promise<{ records: Records; own: PrismaClient }> {
  const prisma = createPrisma(databaseUrl);
  try {
    await tuneSqlite(prisma, databaseUrl);
  } catch (error) {
    await prisma.$disconnect().catch(() => undefined);
    throw error;
  }
  return { records: createRecords(prisma), own: prisma };
}
