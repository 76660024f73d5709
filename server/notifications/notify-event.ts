import { readAuditEvent, type AuditEvent } from "../../lib/audit/audit-events";
import { notificationKindOf, type NotificationKind } from "../../lib/notifications/notification-kinds";
import type { PrismaClient } from "../db/create-prisma";
import { isUniqueViolation } from "../db/prisma-errors";

/** An audit row as the database gives it back. */
export interface AuditRow {
  id: string;
  storyId: string | null;
  actorId: string;
  action: string;
  subject: string;
  reason: string;
  data: string;
}

/**
 * Who an event tells, by id (before preferences, the actor and disabled people are left out):
 * - `claim.commented`: the people the comment mentions (ids the collaboration server read from the body);
 * - `claim.approved` / `claim.rejected`: whoever marked the claim (ClaimActivity "marked", from the socket);
 * - `claim.assigned`: the assignee; `story.reviewer_assigned`: the new reviewer;
 * - `claim.status_changed` to needs review: the story's reviewer;
 * - `quote.needs_attention`: whoever attached the quote;
 * - `story.published`: whoever created the story or touched one of its claims.
 */
async function recipientsOf(prisma: PrismaClient, storyId: string | null, event: AuditEvent): Promise<string[]> {
  switch (event.action) {
    case "claim.commented":
      return event.data.mentioned;
    case "claim.approved":
    case "claim.rejected": {
      if (!storyId) return [];
      const markers = await prisma.claimActivity.findMany({
        where: { storyId, claimId: event.subject, kind: "marked" },
        select: { userId: true },
      });
      return markers.map(({ userId }) => userId);
    }
    case "claim.assigned":
      return event.data.assigneeId ? [event.data.assigneeId] : [];
    case "story.reviewer_assigned":
      return event.data.reviewerId ? [event.data.reviewerId] : [];
    case "claim.status_changed": {
      if (!storyId || event.data.to !== "needs_review") return [];
      const story = await prisma.story.findUnique({ where: { id: storyId }, select: { reviewerId: true } });
      return story?.reviewerId ? [story.reviewerId] : [];
    }
    case "quote.needs_attention":
      return event.data.addedById ? [event.data.addedById] : [];
    case "story.published": {
      if (!storyId) return [];
      const [story, workers] = await Promise.all([
        prisma.story.findUnique({ where: { id: storyId }, select: { createdById: true } }),
        prisma.claimActivity.findMany({ where: { storyId }, select: { userId: true }, distinct: ["userId"] }),
      ]);
      return [...(story?.createdById ? [story.createdById] : []), ...workers.map(({ userId }) => userId)];
    }
    default:
      return [];
  }
}

/**
 * Tells the people an audit event concerns (lib/notifications/notification-kinds.ts): one Notification row per
 * person who exists, is not disabled, is not the actor, and has not turned the kind off both in the app and by
 * e-mail. Someone who wants the kind by e-mail only gets a row already read (the bell stays quiet; the digest
 * mails it). Writing the same event twice tells no one twice (a unique key per person and event).
 * @returns the ids of the people told.
 * @throws what Prisma throws.
 */
export async function notifyEvent(prisma: PrismaClient, row: AuditRow): Promise<string[]> {
  const kind = notificationKindOf(row.action);
  if (kind === null) return [];
  const event = readAuditEvent(row);
  if (!event) return [];
  const candidates = [...new Set(await recipientsOf(prisma, row.storyId, event))].filter((id) => id !== row.actorId);
  if (candidates.length === 0) return [];
  const people = await prisma.user.findMany({
    where: { id: { in: candidates }, disabledAt: null },
    select: { id: true, notificationPreferences: { where: { kind }, select: { inApp: true, email: true } } },
  });
  const claimId =
    event.action === "quote.needs_attention"
      ? event.data.claimId
      : row.action.startsWith("claim.")
        ? row.subject
        : null;
  const told: string[] = [];
  for (const person of people) {
    const preference = person.notificationPreferences[0] ?? { inApp: true, email: true };
    if (!preference.inApp && !preference.email) continue;
    try {
      await prisma.notification.create({
        data: {
          recipientId: person.id,
          eventId: row.id,
          kind: kind satisfies NotificationKind,
          storyId: row.storyId,
          claimId,
          readAt: preference.inApp ? null : new Date(),
        },
      });
      told.push(person.id);
    } catch (error) {
      // The same event notified twice (a retry): the row is there, which is all that counts.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return told;
}
