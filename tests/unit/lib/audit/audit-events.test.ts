import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  AUDIT_EVENT_DATA,
  auditColumns,
  readAuditEvent,
  type AuditAction,
  type AuditEvent,
} from "@/lib/audit/audit-events";

const HASH = "a".repeat(64);
const CLAIM = "The CIA on Thursday released two social media videos";

// One event of every kind, with the data string the code that wrote it before this vocabulary stored: existing
// rows keep reading, and tests that read rows keep matching.
const SAMPLES: Array<{ event: AuditEvent; stored: string }> = [
  { event: { action: "story.created", subject: "cia-videos" }, stored: "{}" },
  { event: { action: "story.published", subject: "2", reason: "A name was misspelt." }, stored: "{}" },
  {
    event: { action: "claim.status_changed", subject: "claim-1", data: { from: "draft", to: "needs_review" } },
    stored: JSON.stringify({ from: "draft", to: "needs_review" }),
  },
  {
    event: {
      action: "claim.approved",
      subject: "claim-1",
      reason: "Both videos are on the agency's channel.",
      data: { text: CLAIM, verdict: "supported", claimHash: HASH },
    },
    stored: JSON.stringify({ text: CLAIM, verdict: "supported", claimHash: HASH }),
  },
  {
    event: {
      action: "claim.rejected",
      subject: "claim-1",
      reason: "One video only.",
      data: { text: CLAIM, verdict: null, claimHash: HASH },
    },
    stored: JSON.stringify({ text: CLAIM, verdict: null, claimHash: HASH }),
  },
  {
    event: { action: "claim.deleted", subject: "claim-1", data: { status: "needs_review", quotes: 1 } },
    stored: JSON.stringify({ status: "needs_review", quotes: 1 }),
  },
  {
    event: { action: "claim.commented", subject: "claim-1", data: { commentId: "k1", mentioned: ["u2"] } },
    stored: JSON.stringify({ commentId: "k1", mentioned: ["u2"] }),
  },
  {
    event: { action: "claim.assigned", subject: "claim-1", data: { assigneeId: "u2" } },
    stored: JSON.stringify({ assigneeId: "u2" }),
  },
  {
    event: { action: "story.reviewer_assigned", subject: "story-1", data: { reviewerId: "u3" } },
    stored: JSON.stringify({ reviewerId: "u3" }),
  },
  {
    event: {
      action: "quote.needs_attention",
      subject: "q1",
      data: { claimId: "claim-1", sourceId: "s1", revision: 2, state: "orphaned", addedById: "u1" },
    },
    stored: JSON.stringify({ claimId: "claim-1", sourceId: "s1", revision: 2, state: "orphaned", addedById: "u1" }),
  },
  {
    event: {
      action: "source.imported",
      subject: "s1",
      data: { headline: "CIA courts Chinese officials", outlet: null },
    },
    stored: JSON.stringify({ headline: "CIA courts Chinese officials", outlet: null }),
  },
  {
    event: { action: "source.corrected", subject: "s1", reason: "A typo.", data: { revision: 2 } },
    stored: JSON.stringify({ revision: 2 }),
  },
  {
    event: { action: "source.removed", subject: "s1", data: { headline: null, outlet: "Reuters" } },
    stored: JSON.stringify({ headline: null, outlet: "Reuters" }),
  },
  {
    event: { action: "source.hidden", subject: "s1", data: { headline: "A mistaken paste", outlet: null } },
    stored: JSON.stringify({ headline: "A mistaken paste", outlet: null }),
  },
  {
    event: { action: "source.shown", subject: "s1", data: { headline: null, outlet: "BBC" } },
    stored: JSON.stringify({ headline: null, outlet: "BBC" }),
  },
  {
    event: { action: "user.invited", subject: "ines@example.org", data: { role: "editor" } },
    stored: JSON.stringify({ role: "editor" }),
  },
  {
    event: { action: "user.joined", subject: "u2", data: { role: "editor", invitedBy: "u1" } },
    stored: JSON.stringify({ role: "editor", invitedBy: "u1" }),
  },
  { event: { action: "user.reset_link_issued", subject: "u2" }, stored: "{}" },
  { event: { action: "user.password_reset", subject: "u2" }, stored: "{}" },
  { event: { action: "user.password_changed", subject: "u2" }, stored: "{}" },
  { event: { action: "user.disabled", subject: "u2" }, stored: "{}" },
  { event: { action: "user.enabled", subject: "u2" }, stored: "{}" },
  {
    event: { action: "user.role_changed", subject: "u2", data: { from: "editor", to: "reviewer" } },
    stored: JSON.stringify({ from: "editor", to: "reviewer" }),
  },
  {
    event: { action: "user.made_admin_by_setup", subject: "u2", data: { from: "editor" } },
    stored: JSON.stringify({ from: "editor" }),
  },
  {
    event: { action: "user.created_by_setup", subject: "u3", data: { from: null } },
    stored: JSON.stringify({ from: null }),
  },
];

describe("the audit vocabulary", () => {
  it("has a sample here for every event", () => {
    expect(new Set(SAMPLES.map(({ event }) => event.action))).toEqual(
      new Set(Object.keys(AUDIT_EVENT_DATA) as AuditAction[]),
    );
  });

  for (const { event, stored } of SAMPLES) {
    it(`stores ${event.action} as it was stored before, and reads it back`, () => {
      const columns = auditColumns(event);
      expect(columns).toEqual({
        action: event.action,
        subject: event.subject,
        reason: event.reason ?? "",
        data: stored,
      });
      expect(readAuditEvent(columns)).toEqual({ ...event, reason: event.reason ?? "", data: event.data ?? {} });
    });
  }
});

describe("auditColumns", () => {
  it("stores the data in the schema's key order, whatever the order it was given in", () => {
    const event = { action: "user.role_changed", subject: "u2", data: { to: "admin", from: "editor" } } as const;
    expect(auditColumns(event).data).toBe('{"from":"editor","to":"admin"}');
  });

  it("stores a single sign-on's joining with how the person came", () => {
    const event: AuditEvent = {
      action: "user.joined",
      subject: "u2",
      data: { via: "sso", role: "reviewer", invitedBy: null },
    };
    expect(auditColumns(event).data).toBe('{"role":"reviewer","invitedBy":null,"via":"sso"}');
  });

  it("refuses data that does not match the event's schema, before anything is stored", () => {
    const forged = {
      action: "user.invited",
      subject: "x@example.org",
      data: { role: "owner" },
    } as unknown as AuditEvent;
    expect(() => auditColumns(forged)).toThrow(ZodError);
  });

  it("requires the data of an event that has some", () => {
    // @ts-expect-error: a role change says from which role to which.
    const missing: AuditEvent = { action: "user.role_changed", subject: "u2" };
    expect(() => auditColumns(missing)).toThrow(ZodError);
  });
});

describe("readAuditEvent", () => {
  it("tolerates rows it cannot read: an unknown event, data that is not JSON, data of another shape", () => {
    expect(readAuditEvent({ action: "story.archived", subject: "s", data: "{}" })).toBeNull();
    expect(readAuditEvent({ action: "claim.deleted", subject: "c", data: "not json" })).toBeNull();
    expect(readAuditEvent({ action: "claim.deleted", subject: "c", data: '{"quotes":"two"}' })).toBeNull();
  });

  it("reads a status change whose side is unknown (the claim had no status)", () => {
    expect(
      readAuditEvent({ action: "claim.status_changed", subject: "c", data: '{"from":null,"to":"draft"}' }),
    ).toMatchObject({ data: { from: null, to: "draft" } });
  });
});
