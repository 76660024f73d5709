import { describeNotification } from "../../lib/notifications/describe-notification";
import {
  NOTIFICATION_KIND_TEXT,
  notificationKindSchema,
  type NotificationKind,
} from "../../lib/notifications/notification-kinds";
import type { PrismaClient } from "../db/create-prisma";
import type { Mailer, MailMessage } from "../mail/mailer";
import { unsubscribeUrl } from "./unsubscribe-link";

/** How digests are made. */
export interface DigestOptions {
  appUrl: string;
  /** Signs the unsubscribe links (NEXTAUTH_SECRET). */
  secret: string;
  organisation: string;
  /**
   * How long after a person's first unmailed notification the mail waits for more (default 2 minutes): what
   * arrives together goes in one digest.
   */
  gatherMs?: number;
  now?: () => Date;
}

interface Pending {
  id: string;
  kind: NotificationKind;
  createdAt: Date;
  text: string;
  reason: string;
  story: string | null;
  href: string | null;
}

/** The message for one person: one notification alone, or a digest of several, each kind with its unsubscribe link. */
export function digestMail(
  to: string,
  items: Pending[],
  links: Map<NotificationKind, string>,
  options: Pick<DigestOptions, "organisation">,
): MailMessage {
  const lines: string[] = [];
  for (const item of items) {
    lines.push(`- ${item.text}${item.story ? ` (${item.story})` : ""}`);
    if (item.reason) lines.push(`  Reason: ${item.reason}`);
    if (item.href) lines.push(`  ${item.href}`);
  }
  const subject =
    items.length === 1
      ? `${items[0]!.text}${items[0]!.story ? ` (${items[0]!.story})` : ""}`
      : `${items.length} notifications from ${options.organisation} on Corroborate`;
  const unsubscribe = [...links].map(([kind, url]) => `Stop e-mail for “${NOTIFICATION_KIND_TEXT[kind]}”: ${url}`);
  return { to, subject, text: [...lines, "", ...unsubscribe].join("\n") };
}

/**
 * Mails what people have not been mailed yet, as one message per person: sent once their first unmailed
 * notification is `gatherMs` old (so that many arriving together make one digest), listing every unmailed one of
 * the kinds they get by e-mail, with an unsubscribe link per kind. Each notification is mailed at most once: it is
 * marked before the message is sent (a failed send is logged and not retried, rather than mailed twice), and the
 * ones of kinds a person does not get by e-mail are marked without mail.
 * @returns how many messages were sent.
 */
export async function sendDueDigests(
  prisma: PrismaClient,
  mailer: Mailer,
  options: DigestOptions,
  log: Pick<Console, "error"> = console,
): Promise<number> {
  const now = options.now?.() ?? new Date();
  const due = new Date(now.getTime() - (options.gatherMs ?? 120_000));
  const recipients = await prisma.notification.groupBy({
    by: ["recipientId"],
    where: { emailedAt: null, createdAt: { lte: due } },
  });
  let sent = 0;
  for (const { recipientId } of recipients) {
    const person = await prisma.user.findUnique({
      where: { id: recipientId },
      select: {
        email: true,
        disabledAt: true,
        notificationPreferences: { select: { kind: true, email: true } },
      },
    });
    const rows = await prisma.notification.findMany({
      where: { recipientId, emailedAt: null, createdAt: { lte: now } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        kind: true,
        claimId: true,
        createdAt: true,
        story: { select: { title: true, slug: true } },
        event: { select: { action: true, subject: true, reason: true, data: true, actor: { select: { name: true } } } },
      },
    });
    const off = new Set(person?.notificationPreferences.filter((p) => !p.email).map((p) => p.kind));
    // Claim the rows first: a second sweep (another process) finds them marked and mails nothing.
    const claimed = await prisma.notification.updateMany({
      where: { id: { in: rows.map((row) => row.id) }, emailedAt: null },
      data: { emailedAt: now },
    });
    if (claimed.count !== rows.length || !person || person.disabledAt) continue;
    const items: Pending[] = [];
    for (const row of rows) {
      const kind = notificationKindSchema.safeParse(row.kind);
      if (!kind.success || off.has(kind.data)) continue;
      const slug = row.story?.slug;
      items.push({
        id: row.id,
        kind: kind.data,
        createdAt: row.createdAt,
        text: `${row.event.actor.name} ${describeNotification(row.event)}`,
        reason: row.event.reason,
        story: row.story?.title ?? null,
        href: slug
          ? new URL(
              row.claimId ? `/stories/${slug}/edit?claim=${encodeURIComponent(row.claimId)}` : `/stories/${slug}/edit`,
              options.appUrl,
            ).href
          : null,
      });
    }
    if (items.length === 0) continue;
    const links = new Map(
      [...new Set(items.map((item) => item.kind))].map(
        (kind) => [kind, unsubscribeUrl(options.appUrl, options.secret, recipientId, kind)] as const,
      ),
    );
    try {
      await mailer.send(digestMail(person.email, items, links, options));
      sent++;
    } catch (error) {
      log.error(`Mailing ${items.length} notifications to ${recipientId} failed`, error);
    }
  }
  return sent;
}
