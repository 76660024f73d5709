import { auditColumns, type AuditEvent } from "../../lib/audit/audit-events";
import type { PrismaClient } from "../db/create-prisma";

/** A Prisma client, or the client of an interactive transaction: whatever can write an audit row. */
export type AuditDatabase = Pick<PrismaClient, "auditEvent">;

/** An audit event with who took the action and, for a story's events, which story. */
export type AuditRecord = AuditEvent & { actorId: string; storyId?: string };

/**
 * Writes one audit row (lib/audit/audit-events.ts says what each event stores). Returns Prisma's lazy promise,
 * so that the write can be one of a batch transaction's operations: `prisma.$transaction([…, writeAuditEvent(prisma,
 * …)])`; in an interactive transaction, pass its client and await it.
 * @throws ZodError, before anything is written, when the event's data does not match its schema.
 */
export function writeAuditEvent(db: AuditDatabase, { actorId, storyId, ...event }: AuditRecord) {
  return db.auditEvent.create({ data: { actorId, storyId, ...auditColumns(event as AuditEvent) } });
}
