/**
 * Runs once when a Next server process starts (not at build), in the Node.js runtime only. Every 5 s the webhook
 * deliveries that are due are attempted (deliverDue; each attempt leases its row, so several processes may sweep
 * at once); with SMTP_URL, every 30 s the people whose notifications have gathered get their digest
 * (sendDueDigests; rows are claimed before sending, so no process mails anything twice).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ repeatWithoutOverlap }, { deliverDue }, { sendDueDigests }, { createMailer }, { prisma }, { getEnv }] =
    await Promise.all([
      import("./server/background/repeat"),
      import("./server/webhooks/deliver-webhooks"),
      import("./server/notifications/mail-digest"),
      import("./server/mail/mailer"),
      import("./server/db/prisma"),
      import("./server/env"),
    ]);
  const env = getEnv();
  repeatWithoutOverlap(() => deliverDue(prisma(), { appUrl: env.NEXTAUTH_URL }), 5_000, "The webhook sweep failed");
  const mailer = createMailer(env.SMTP_URL, env.MAIL_FROM);
  if (mailer) {
    const digests = {
      appUrl: env.NEXTAUTH_URL,
      secret: env.NEXTAUTH_SECRET,
      organisation: env.ORGANISATION_NAME,
      gatherMs: env.NOTIFICATION_DIGEST_SECONDS * 1000,
    };
    repeatWithoutOverlap(() => sendDueDigests(prisma(), mailer, digests, console), 30_000, "The e-mail digest failed");
  }
}
