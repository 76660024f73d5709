/**
 * Runs once when a Next server process starts (not at build), in the Node.js runtime only: the retry sweep of
 * webhook deliveries (server/webhooks/webhook-sweep.ts) and, when SMTP_URL is set, the e-mail digests of
 * notifications (server/notifications/digest-sweep.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ startWebhookSweep }, { startDigestSweep }, { createMailer }, { prisma }, { getEnv }] = await Promise.all([
    import("./server/webhooks/webhook-sweep"),
    import("./server/notifications/digest-sweep"),
    import("./server/mail/mailer"),
    import("./server/db/prisma"),
    import("./server/env"),
  ]);
  const env = getEnv();
  startWebhookSweep(prisma(), { appUrl: env.NEXTAUTH_URL });
  const mailer = createMailer(env.SMTP_URL, env.MAIL_FROM);
  if (mailer) {
    startDigestSweep(prisma(), mailer, {
      appUrl: env.NEXTAUTH_URL,
      secret: env.NEXTAUTH_SECRET,
      organisation: env.ORGANISATION_NAME,
      gatherMs: env.NOTIFICATION_DIGEST_SECONDS * 1000,
    });
  }
}
