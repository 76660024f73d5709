import * as z from "zod";
import type { AuditAction } from "../audit/audit-events";

/**
 * The kinds of notification a person may choose to get or not (each in the app and by e-mail). Each comes from
 * audit events (lib/audit/audit-events.ts); server/notifications/notify-event.ts says who is told.
 */
export const NOTIFICATION_KINDS = [
  "mentioned",
  "claim_decided",
  "assigned",
  "review_requested",
  "story_published",
  "quote_needs_attention",
] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** What a person reads in their settings for each kind. */
export const NOTIFICATION_KIND_TEXT: Record<NotificationKind, string> = {
  mentioned: "Someone mentions me in a claim's thread",
  claim_decided: "A claim I marked is approved or rejected",
  assigned: "A claim or a story's review is assigned to me",
  review_requested: "A claim of a story I review asks for review",
  story_published: "A story I worked on is published or corrected",
  quote_needs_attention: "A quote I attached is lost or must be verified again after its source was corrected",
};

const KIND_OF_ACTION: Partial<Record<AuditAction, NotificationKind>> = {
  "claim.commented": "mentioned",
  "claim.approved": "claim_decided",
  "claim.rejected": "claim_decided",
  "claim.assigned": "assigned",
  "story.reviewer_assigned": "assigned",
  // Told only when the claim goes to needs review (server/notifications/notify-event.ts).
  "claim.status_changed": "review_requested",
  "quote.needs_attention": "quote_needs_attention",
  "story.published": "story_published",
};

/**
 * The kind of notification an audit event makes, or null when it tells no one.
 * @example notificationKindOf("claim.rejected") // "claim_decided"
 */
export function notificationKindOf(action: string): NotificationKind | null {
  return Object.hasOwn(KIND_OF_ACTION, action) ? (KIND_OF_ACTION[action as AuditAction] ?? null) : null;
}
