import { readAuditEvent, type StoredAuditEvent } from "../audit/audit-events";
import { VERDICT_TEXT } from "../review/review-state";

/**
 * What a notification says after the name of the person who acted, for the one it tells: "mentioned you in a
 * claim's thread", "rejected your claim", "approved your claim (supported)", "assigned a claim to you",
 * "made you the reviewer of a story", "asked for review of a claim", "published version 1", "published a correction
 * (version 2)", "corrected a source: verify a quote you attached again". The reviewer's reason and the claim's words are
 * shown beside it. Never throws: an event it cannot read says "did something".
 */
export function describeNotification(row: StoredAuditEvent): string {
  const event = readAuditEvent(row);
  if (!event) return "did something";
  switch (event.action) {
    case "claim.commented":
      return "mentioned you in a claim's thread";
    case "claim.approved":
      return event.data.verdict ? `approved your claim (${VERDICT_TEXT[event.data.verdict]})` : "approved your claim";
    case "claim.rejected":
      return "rejected your claim";
    case "claim.assigned":
      return "assigned a claim to you";
    case "story.reviewer_assigned":
      return "made you the reviewer of a story";
    case "claim.status_changed":
      return "asked for review of a claim";
    case "quote.needs_attention":
      return event.data.state === "orphaned"
        ? "corrected a source: a quote you attached is no longer in it"
        : "corrected a source: verify a quote you attached again";
    case "story.published":
      return event.subject === "1" ? "published version 1" : `published a correction (version ${event.subject})`;
    default:
      return "did something";
  }
}

/** The words of the claim a notification is about, when its event recorded them (a decision does). */
export function notifiedClaimText(row: StoredAuditEvent): string | null {
  const event = readAuditEvent(row);
  return event && (event.action === "claim.approved" || event.action === "claim.rejected") ? event.data.text : null;
}
