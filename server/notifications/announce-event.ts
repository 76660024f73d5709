import type { PrismaClient } from "../db/create-prisma";
import { getEnv } from "../env";
import { attemptDelivery, enqueueDeliveries } from "../webhooks/deliver-webhooks";
import { notifyEvent, type AuditRow } from "./notify-event";

/**
 * What follows an audit event once it is recorded: the notifications of the people it concerns, and a delivery
 * to every webhook that asked for its kind (attempted at once, without waiting; the retry sweep that
 * instrumentation.ts starts attempts the rest). Called after the event's transaction commits, by whoever
 * wrote it (the app's routes, the collaboration server for comments). The event is the record; a failure here is
 * logged and never undoes or fails the action.
 */
export async function announceEvent(
  prisma: PrismaClient,
  row: AuditRow,
  log: Pick<Console, "error"> = console,
): Promise<void> {
  try {
    await notifyEvent(prisma, row);
  } catch (error) {
    log.error(`Notifying ${row.action} ${row.id} failed`, error);
  }
  try {
    const deliveries = await enqueueDeliveries(prisma, row);
    if (deliveries.length === 0) return;
    const options = { appUrl: getEnv().NEXTAUTH_URL };
    for (const id of deliveries) {
      attemptDelivery(prisma, id, options).catch((error: unknown) =>
        log.error(`Delivering ${row.action} ${row.id} to a webhook failed`, error),
      );
    }
  } catch (error) {
    log.error(`Queueing webhooks for ${row.action} ${row.id} failed`, error);
  }
}
