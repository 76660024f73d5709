import { describe, expect, it } from "vitest";
import { AUDIT_EVENT_DATA, auditColumns, type AuditEvent } from "@/lib/audit/audit-events";
import { describeNotification, notifiedClaimText } from "@/lib/notifications/describe-notification";
import { NOTIFICATION_KINDS, notificationKindOf } from "@/lib/notifications/notification-kinds";

const describeEvent = (event: AuditEvent) => describeNotification(auditColumns(event));
const decision = { text: "The CIA released two videos.", verdict: null, claimHash: "0".repeat(64) };

describe("notification kinds", () => {
  it("comes from the audit vocabulary: each kind from at least one event, every other event tells no one", () => {
    const kinds = Object.keys(AUDIT_EVENT_DATA).map(notificationKindOf);
    expect(new Set(kinds.filter((kind) => kind !== null))).toEqual(new Set(NOTIFICATION_KINDS));
    expect(notificationKindOf("claim.rejected")).toBe("claim_decided");
    expect(notificationKindOf("user.invited")).toBeNull();
    expect(notificationKindOf("toString")).toBeNull();
  });

  it("says what happened to the person told", () => {
    expect(
      describeEvent({ action: "claim.commented", subject: "c1", data: { commentId: "k", mentioned: ["u"] } }),
    ).toBe("mentioned you in a claim's thread");
    expect(describeEvent({ action: "claim.rejected", subject: "c1", reason: "No.", data: decision })).toBe(
      "rejected your claim",
    );
    expect(
      describeEvent({ action: "claim.approved", subject: "c1", data: { ...decision, verdict: "partly_supported" } }),
    ).toBe("approved your claim (Partly supported)");
    expect(describeEvent({ action: "claim.assigned", subject: "c1", data: { assigneeId: "u" } })).toBe(
      "assigned a claim to you",
    );
    expect(describeEvent({ action: "story.reviewer_assigned", subject: "s", data: { reviewerId: "u" } })).toBe(
      "made you the reviewer of a story",
    );
    expect(
      describeEvent({ action: "claim.status_changed", subject: "c1", data: { from: "draft", to: "needs_review" } }),
    ).toBe("asked for review of a claim");
    const quote = { claimId: "c1", sourceId: "s1", revision: 2, addedById: "u" };
    expect(
      describeEvent({ action: "quote.needs_attention", subject: "q", data: { ...quote, state: "orphaned" } }),
    ).toBe("corrected a source: a quote you attached is no longer in it");
    expect(
      describeEvent({ action: "quote.needs_attention", subject: "q", data: { ...quote, state: "reverify" } }),
    ).toBe("corrected a source: verify a quote you attached again");
    expect(describeEvent({ action: "story.published", subject: "1" })).toBe("published version 1");
    expect(describeEvent({ action: "story.published", subject: "3", reason: "A date." })).toBe(
      "published a correction (version 3)",
    );
    expect(describeNotification({ action: "claim.rejected", subject: "c1", data: "not json" })).toBe("did something");
    expect(notifiedClaimText(auditColumns({ action: "claim.rejected", subject: "c1", data: decision }))).toBe(
      decision.text,
    );
  });
});
