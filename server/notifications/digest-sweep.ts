import type { PrismaClient } from "../db/create-prisma";
import type { Mailer } from "../mail/mailer";
import { sendDueDigests, type DigestOptions } from "./mail-digest";

/**
 * Starts the e-mail digests in this process: every `intervalMs`, people whose notifications have gathered get
 * their digest (sendDueDigests; rows are claimed before sending, so several processes mail nothing twice).
 * @returns a function that stops it.
 */
export function startDigestSweep(
  prisma: PrismaClient,
  mailer: Mailer,
  options: DigestOptions,
  intervalMs = 30_000,
  log: Pick<Console, "error"> = console,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sendDueDigests(prisma, mailer, options, log)
      .catch((error: unknown) => log.error("The e-mail digest failed", error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
