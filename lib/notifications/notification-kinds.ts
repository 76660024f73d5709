import { z } from "zod";
import type { AuditAction } from "../audit/audit-events";

/**
 * The kinds of notification a person may choose to get or not (each in the app and by e-mail). Each comes from
 * audit events (lib/audit/audit-events.ts); server/notifications/notify-event.ts says who is told.
 */
export const NOTIFICATION_KINDS = ["mentioned", "claim_decided", "assigned", "story_published"] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** What a person reads in their settings for each kind. */
export const NOTIFICATION_KIND_TEXT: Record<NotificationKind, string> = {
  mentioned: "Someone mentions me in a claim's thread",
  claim_decided: "A claim I marked is approved or rejected",
  assigned: "A claim is assigned to me",
  story_published: "A story I worked on is published or corrected",
};

const KIND_OF_ACTION: Partial<Record<AuditAction, NotificationKind>> = {
  "claim.commented": "mentioned",
  "claim.approved": "claim_decided",
  "claim.rejected": "claim_decided",
  "claim.assigned": "assigned",
  "story.published": "story_published",
};

/**
 * The kind of notification an audit event makes, or null when it tells no one.
 * @example notificationKindOf("claim.rejected") // "claim_decided"
 */
export function notificationKindOf(action: string): NotificationKind | null {
  return Object.hasOwn(KIND_OF_ACTION, action) ? (KIND_OF_ACTION[action as AuditAction] ?? null) : null;
}
