import {
  type AuditAction,
  type AuditEvent,
  isAuditAction,
  readAuditEvent,
  type StoredAuditEvent,
} from "./audit-events";

/** What each event says after the actor's name. */
const AUDIT_WORDING: Record<AuditAction, string> = {
  "story.created": "created the story",
  "story.published": "published version",
  "claim.status_changed": "changed a claim's status",
  "claim.approved": "approved a claim",
  "claim.rejected": "rejected a claim",
  "claim.deleted": "deleted a claim",
  "claim.commented": "commented on a claim",
  "claim.assigned": "assigned a claim",
  "quote.needs_attention": "corrected a source, leaving a quote to settle",
  "story.reviewer_assigned": "chose the story's reviewer",
  "source.imported": "imported a source",
  "source.corrected": "corrected a source",
  "source.removed": "removed a source",
  "source.hidden": "hid a source from the workspace",
  "source.shown": "showed a hidden source in the workspace again",
  "user.invited": "invited someone",
  "user.joined": "joined the newsroom",
  "user.reset_link_issued": "issued a link to reset a password",
  "user.password_reset": "reset their password",
  "user.password_changed": "changed their password",
  "user.disabled": "disabled a person",
  "user.enabled": "enabled a person",
  "user.role_changed": "changed a person's role",
  "user.made_admin_by_setup": "was made an admin by setup",
  "user.created_by_setup": "was created as an admin by setup",
};

/** "needs_review" → "needs review". */
function statusWords(status: string): string {
  return status.replace("_", " ");
}

/** What follows the wording: the version number, the statuses, what a deleted claim or a source was. */
function detailOf(event: AuditEvent): string {
  switch (event.action) {
    case "story.published":
      return event.subject;
    case "claim.status_changed": {
      const { from, to } = event.data;
      return from !== null && to !== null ? `(${statusWords(from)} → ${statusWords(to)})` : "";
    }
    case "claim.deleted": {
      const { status, quotes } = event.data;
      return `(${status ? `${statusWords(status)}, ` : ""}${quotes} ${quotes === 1 ? "quote" : "quotes"})`;
    }
    case "source.imported":
    case "source.removed":
    case "source.hidden":
    case "source.shown": {
      const { headline, outlet } = event.data;
      return [headline ? `“${headline}”` : null, outlet].filter(Boolean).join(", ");
    }
    case "claim.commented": {
      const count = event.data.mentioned.length;
      return count === 0 ? "" : `(mentioning ${count} ${count === 1 ? "person" : "people"})`;
    }
    case "claim.assigned":
      return event.data.assigneeId === null ? "(to no one)" : "";
    case "story.reviewer_assigned":
      return event.data.reviewerId === null ? "(no one)" : "";
    case "quote.needs_attention":
      return event.data.state === "orphaned" ? "(lost)" : "(to verify again)";
    case "user.invited":
      return `(${event.data.role})`;
    case "user.role_changed":
      return `(${event.data.from} → ${event.data.to})`;
    default:
      return "";
  }
}

/**
 * What the history of a story says for an audit row, after the actor's name: "approved a claim", "published
 * version 2", "changed a claim's status (draft → needs review)", "imported a source “Headline”, Outlet". A row
 * whose data this version cannot read gets the wording alone; a row of an unknown event, its stored name. The
 * reason, when there is one, is shown by the page beside this. Never throws.
 */
export function describeAuditEvent(row: StoredAuditEvent): string {
  if (!isAuditAction(row.action)) return row.action;
  const event = readAuditEvent(row);
  const detail = event ? detailOf(event) : "";
  return detail ? `${AUDIT_WORDING[row.action]} ${detail}` : AUDIT_WORDING[row.action];
}
