import * as z from "zod";
import { describeNotification, notifiedClaimText } from "../../lib/notifications/describe-notification";
import type { NotificationKind } from "../../lib/notifications/notification-kinds";
import type { PrismaClient } from "../db/create-prisma";

/** One notification as the inbox shows it. */
export interface InboxItem {
  id: string;
  kind: NotificationKind;
  /** Who acted. */
  actorName: string;
  /** What they did, for the one told ("rejected your claim"). */
  text: string;
  /** The reviewer's reason or the correction note; empty when there is none. */
  reason: string;
  claimId: string | null;
  /** The claim's words, when the event recorded them. */
  claimText: string | null;
  /** Where one click leads: the claim in the story's workspace, or the story. */
  href: string | null;
  createdAt: string;
  read: boolean;
}

/** The notifications of one story (or of none) in the inbox, newest first. */
export interface InboxGroup {
  story: { id: string; title: string; slug: string } | null;
  items: InboxItem[];
}

/** The number of a person's unread notifications: the bell's count. One indexed count. */
export function unreadCount(prisma: PrismaClient, userId: string): Promise<number> {
  return prisma.notification.count({ where: { recipientId: userId, readAt: null } });
}

/**
 * A person's latest notifications (at most `limit`), grouped by story: the story with the newest notification
 * first, and each group newest first.
 */
export async function loadInbox(prisma: PrismaClient, userId: string, limit = 100): Promise<InboxGroup[]> {
  const rows = await prisma.notification.findMany({
    where: { recipientId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      claimId: true,
      createdAt: true,
      readAt: true,
      story: { select: { id: true, title: true, slug: true } },
      event: { select: { action: true, subject: true, reason: true, data: true, actor: { select: { name: true } } } },
    },
  });
  const groups = new Map<string | null, InboxGroup>();
  for (const row of rows) {
    const key = row.story?.id ?? null;
    let group = groups.get(key);
    if (!group) {
      group = { story: row.story, items: [] };
      groups.set(key, group);
    }
    const slug = row.story?.slug;
    group.items.push({
      id: row.id,
      kind: row.kind as NotificationKind,
      actorName: row.event.actor.name,
      text: describeNotification(row.event),
      reason: row.event.reason,
      claimId: row.claimId,
      claimText: notifiedClaimText(row.event),
      href: slug
        ? row.claimId
          ? `/stories/${slug}/edit?claim=${encodeURIComponent(row.claimId)}`
          : `/stories/${slug}/edit`
        : null,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    });
  }
  return [...groups.values()];
}

/** What the mark-read route accepts: some notifications by id, or all of them. */
export const markReadInputSchema = z.union([
  z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(500) }),
  z.object({ all: z.literal(true) }),
]);
export type MarkReadInput = z.infer<typeof markReadInputSchema>;

/**
 * Marks a person's notifications read (only theirs: another person's ids change nothing).
 * @returns how many were unread and are now read.
 */
export async function markRead(prisma: PrismaClient, userId: string, input: MarkReadInput): Promise<number> {
  const { count } = await prisma.notification.updateMany({
    where: { recipientId: userId, readAt: null, ...("ids" in input ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return count;
}
