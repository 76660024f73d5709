import type { PrismaClient } from "../db/create-prisma";
import { deliverDue, type DeliveryOptions } from "./deliver-webhooks";

/**
 * Starts the retry sweep of webhook deliveries in this process: every `intervalMs`, the pending deliveries that
 * are due are attempted (deliverDue). Several processes may sweep at once: each attempt leases its row first.
 * @returns a function that stops the sweep.
 */
export function startWebhookSweep(
  prisma: PrismaClient,
  options: DeliveryOptions,
  intervalMs = 5_000,
  log: Pick<Console, "error"> = console,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverDue(prisma, options)
      .catch((error: unknown) => log.error("The webhook sweep failed", error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
