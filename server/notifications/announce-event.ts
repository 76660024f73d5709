import type { PrismaClient } from "../db/create-prisma";
import { notifyEvent, type AuditRow } from "./notify-event";

/**
 * What follows an audit event once it is recorded: the notifications of the people it concerns. Called after
 * the event's transaction commits, by whoever wrote it (the app's routes, the collaboration server for
 * comments). The event is the record; a failure here is logged and never undoes or fails the action.
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
}
