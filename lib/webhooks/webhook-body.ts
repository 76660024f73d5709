import * as z from "zod";
import { readAuditEvent, type StoredAuditEvent } from "../audit/audit-events";
import { describeAuditEvent } from "../audit/describe-audit-event";

/** How a webhook's deliveries are written: Corroborate's JSON, or a Slack-compatible message ({ text }). */
export const WEBHOOK_FORMATS = ["json", "slack"] as const;
export const webhookFormatSchema = z.enum(WEBHOOK_FORMATS);
export type WebhookFormat = z.infer<typeof webhookFormatSchema>;

/** An audit event with what a receiver needs to make sense of it. */
export interface WebhookEvent extends StoredAuditEvent {
  id: string;
  at: Date;
  actor: { id: string; name: string };
  story: { id: string; title: string; slug: string } | null;
}

/** One sentence for people: "Rosa Lindqvist rejected a claim in “Story”: reason". */
function sentence(event: WebhookEvent): string {
  const where = event.story ? ` in “${event.story.title}”` : "";
  const why = event.reason ? `: ${event.reason}` : "";
  return `${event.actor.name} ${describeAuditEvent(event)}${where}${why}`;
}

/**
 * The body of a delivery. JSON: `{ id, type, createdAt, text, actor, story, subject, reason, data }` with the
 * event's data as its schema reads it (null when this version cannot read it). Slack: `{ text }`, which Slack's
 * incoming webhooks and compatible chat tools post as a message (`appUrl` links the story).
 */
export function webhookBody(event: WebhookEvent, format: WebhookFormat, appUrl: string): string {
  const storyUrl = event.story ? `${appUrl.replace(/\/$/, "")}/stories/${event.story.slug}/edit` : null;
  if (format === "slack") {
    // Slack reads <…> as links and mentions: the people's text is escaped as its docs say.
    const text = sentence(event).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return JSON.stringify({ text: storyUrl ? `${text} <${storyUrl}|Open>` : text });
  }
  return JSON.stringify({
    id: event.id,
    type: event.action,
    createdAt: event.at.toISOString(),
    text: sentence(event),
    actor: event.actor,
    story: event.story ? { ...event.story, url: storyUrl } : null,
    subject: event.subject,
    reason: event.reason ?? "",
    data: readAuditEvent(event)?.data ?? null,
  });
}
