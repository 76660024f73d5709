import { describe, expect, it } from "vitest";
import { AUDIT_EVENT_DATA, auditColumns, type AuditEvent } from "@/lib/audit/audit-events";
import { describeAuditEvent } from "@/lib/audit/describe-audit-event";

const describeEvent = (event: AuditEvent) => describeAuditEvent(auditColumns(event));

describe("describeAuditEvent", () => {
  it("says what happened to a story as the versions page has always said it", () => {
    expect(describeEvent({ action: "story.created", subject: "cia-videos" })).toBe("created the story");
    expect(describeEvent({ action: "story.published", subject: "2", reason: "A typo." })).toBe("published version 2");
    expect(
      describeEvent({ action: "claim.status_changed", subject: "c1", data: { from: "draft", to: "needs_review" } }),
    ).toBe("changed a claim's status (draft → needs review)");
    const decision = { text: "Two videos.", verdict: null, claimHash: "0".repeat(64) };
    expect(
      describeEvent({ action: "claim.approved", subject: "c1", data: { ...decision, verdict: "supported" } }),
    ).toBe("approved a claim");
    expect(describeEvent({ action: "claim.rejected", subject: "c1", data: decision })).toBe("rejected a claim");
    expect(describeEvent({ action: "claim.deleted", subject: "c1", data: { status: "needs_review", quotes: 1 } })).toBe(
      "deleted a claim (needs review, 1 quote)",
    );
    expect(describeEvent({ action: "claim.deleted", subject: "c1", data: { status: null, quotes: 3 } })).toBe(
      "deleted a claim (3 quotes)",
    );
    expect(
      describeEvent({ action: "claim.commented", subject: "c1", data: { commentId: "k1", mentioned: ["u2", "u3"] } }),
    ).toBe("commented on a claim (mentioning 2 people)");
    expect(describeEvent({ action: "claim.commented", subject: "c1", data: { commentId: "k1", mentioned: [] } })).toBe(
      "commented on a claim",
    );
    expect(describeEvent({ action: "claim.assigned", subject: "c1", data: { assigneeId: "u2" } })).toBe(
      "assigned a claim",
    );
    expect(describeEvent({ action: "claim.assigned", subject: "c1", data: { assigneeId: null } })).toBe(
      "assigned a claim (to no one)",
    );
    expect(
      describeEvent({
        action: "source.imported",
        subject: "s1",
        data: { headline: "CIA courts officials", outlet: "BBC" },
      }),
    ).toBe("imported a source “CIA courts officials”, BBC");
    expect(
      describeEvent({ action: "source.removed", subject: "s1", data: { headline: null, outlet: "Reuters" } }),
    ).toBe("removed a source Reuters");
    expect(describeEvent({ action: "source.removed", subject: "s1", data: { headline: null, outlet: null } })).toBe(
      "removed a source",
    );
    expect(
      describeEvent({ action: "source.hidden", subject: "s1", data: { headline: "A mistaken paste", outlet: null } }),
    ).toBe("hid a source from the workspace “A mistaken paste”");
    expect(describeEvent({ action: "source.corrected", subject: "s1", data: { revision: 2 } })).toBe(
      "corrected a source",
    );
  });

  it("describes every event of the vocabulary", () => {
    for (const action of Object.keys(AUDIT_EVENT_DATA)) {
      expect(describeAuditEvent({ action, subject: "x", data: "{}" }), action).not.toBe(action);
    }
  });

  it("shows a row it cannot read by its wording alone, and an unknown event by its stored name", () => {
    expect(describeAuditEvent({ action: "claim.status_changed", subject: "c1", data: '{"to":7}' })).toBe(
      "changed a claim's status",
    );
    expect(
      describeAuditEvent({ action: "claim.status_changed", subject: "c1", data: '{"from":null,"to":"draft"}' }),
    ).toBe("changed a claim's status");
    expect(describeAuditEvent({ action: "story.archived", subject: "s", data: "{}" })).toBe("story.archived");
  });
});
