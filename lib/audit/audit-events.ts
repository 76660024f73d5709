import * as z from "zod";
import { roleSchema } from "../auth/roles";
import { verdictSchema } from "../review/review-state";

const noData = z.object({});
const claimDecisionData = z.object({
  /** The claim's words as decided. */
  text: z.string(),
  /** The verdict of an approval; null for a rejection. */
  verdict: verdictSchema.nullable(),
  claimHash: z.string(),
});
const sourceNameData = z.object({ headline: z.string().nullable(), outlet: z.string().nullable() });

/**
 * Every event of the audit log (the AuditEvent table), by the name stored in its `action` column, with the schema
 * of the JSON stored in its `data` column and what its `subject` and `reason` are. Names and data are stored as
 * written here: rows written by earlier versions must keep reading the same. To add an event, add it here and give
 * it a wording in describe-audit-event.ts.
 */
export const AUDIT_EVENT_DATA = {
  /** subject: the story's slug. */
  "story.created": noData,
  /** subject: the version's number; reason: the correction note (empty for version 1). */
  "story.published": noData,
  /** subject: the claim's id; written by the collaboration server from the socket that changed it. */
  "claim.status_changed": z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  /** subject: the claim's id; reason: the reviewer's. */
  "claim.approved": claimDecisionData,
  /** subject: the claim's id; reason: the reviewer's. */
  "claim.rejected": claimDecisionData,
  /**
   * subject: the claim's id; written by the collaboration server for a comment added on an authenticated socket
   * (the actor), with the people its body mentions (lib/mentions/mention-tokens.ts), each told of it.
   */
  "claim.commented": z.object({ commentId: z.string(), mentioned: z.array(z.string()) }),
  /** subject: the claim's id; assigneeId: whom it is now assigned to, null when no one. */
  "claim.assigned": z.object({ assigneeId: z.string().nullable() }),
  /**
   * subject: the quote's id; written after a correction of its source left the quote to be verified again
   * (reverify) or matched by nothing (orphaned); addedById: who attached it (told of it), null when unknown.
   */
  "quote.needs_attention": z.object({
    claimId: z.string(),
    sourceId: z.string(),
    revision: z.number().int().min(1),
    state: z.enum(["reverify", "orphaned"]),
    addedById: z.string().nullable(),
  }),
  /** subject: the story's id; reviewerId: who reviews the story now, null when no one (told of it). */
  "story.reviewer_assigned": z.object({ reviewerId: z.string().nullable() }),
  /** subject: the claim's id; data: what the claim was. */
  "claim.deleted": z.object({ status: z.string().nullable(), quotes: z.number().int().min(0) }),
  /** subject: the source's id. */
  "source.imported": sourceNameData,
  /** subject: the source's id; reason: the correction's note. */
  "source.corrected": z.object({ revision: z.number().int().min(1) }),
  /** subject: the source's id (the row is gone: data names it). */
  "source.removed": sourceNameData,
  /** subject: the source's id; hidden from the workspace, or shown there again. */
  "source.hidden": sourceNameData,
  "source.shown": sourceNameData,
  /** subject: the invited address. */
  "user.invited": z.object({ role: roleSchema }),
  /** subject and actor: the new person; invitedBy: the admin who invited them, if they still exist. */
  "user.joined": z.object({
    role: roleSchema,
    invitedBy: z.string().nullable(),
    via: z.literal("sso").optional(),
  }),
  /** subject: whose password the link resets. */
  "user.reset_link_issued": noData,
  /** subject and actor: the person who used a reset link. */
  "user.password_reset": noData,
  /** subject and actor: the person who changed their own password. */
  "user.password_changed": noData,
  /** subject: the person disabled. */
  "user.disabled": noData,
  /** subject: the person enabled again. */
  "user.enabled": noData,
  /** subject: the person; from: their role as the database had it. */
  "user.role_changed": z.object({ from: z.string(), to: roleSchema }),
  /** `npm run setup -- --admin` for an existing person: subject and actor are them; from: their earlier role. */
  "user.made_admin_by_setup": z.object({ from: z.string().nullable() }),
  /** `npm run setup -- --admin` for a new address: subject and actor are the new admin. */
  "user.created_by_setup": z.object({ from: z.null() }),
} satisfies Record<string, z.ZodType<Record<string, unknown>>>;

/** The name of an audit event, as stored in the `action` column. */
export type AuditAction = keyof typeof AUDIT_EVENT_DATA;

/** The data of one kind of audit event. */
export type AuditData<A extends AuditAction> = z.infer<(typeof AUDIT_EVENT_DATA)[A]>;

/** One kind of audit event; `data` may be left out when the event has none. */
export type AuditEventOf<A extends AuditAction> = { action: A; subject: string; reason?: string } & (Record<
  never,
  never
> extends AuditData<A>
  ? { data?: AuditData<A> }
  : { data: AuditData<A> });

/** Any audit event: a union discriminated by `action`. */
export type AuditEvent = { [A in AuditAction]: AuditEventOf<A> }[AuditAction];

/** An audit row's columns as stored (what the database gives back, whichever version wrote it). */
export interface StoredAuditEvent {
  action: string;
  subject: string;
  reason?: string;
  data: string;
}

/** Whether `action` names an audit event of this vocabulary. */
export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_EVENT_DATA, action);
}

/**
 * The columns to store for an event: its name, subject and reason, and its data checked against its schema and
 * serialised in the schema's key order.
 * @throws ZodError when the data does not match the event's schema.
 */
export function auditColumns(event: AuditEvent): Required<StoredAuditEvent> {
  const schema: z.ZodType = AUDIT_EVENT_DATA[event.action];
  return {
    action: event.action,
    subject: event.subject,
    reason: event.reason ?? "",
    data: JSON.stringify(schema.parse(event.data ?? {})),
  };
}

/**
 * Reads a stored row back as an event, or null when this vocabulary does not know it: an unknown name, or data
 * (from an older version, or not JSON) that does not match the event's schema. Never throws.
 */
export function readAuditEvent(row: StoredAuditEvent): AuditEvent | null {
  if (!isAuditAction(row.action)) return null;
  let json: unknown;
  try {
    json = JSON.parse(row.data);
  } catch {
    return null;
  }
  const data = AUDIT_EVENT_DATA[row.action].safeParse(json);
  if (!data.success) return null;
  // The schema was picked by the same name: the pair is an event of that name.
  return { action: row.action, subject: row.subject, reason: row.reason ?? "", data: data.data } as AuditEvent;
}
