import { describe, expect, it } from "vitest";
import { claimSnapshot, hashClaimSnapshot } from "@/lib/review/claim-hash";
import { describeBlocker, publishBlockers } from "@/lib/review/publish-readiness";
import { reviewState, type RecordedDecision } from "@/lib/review/review-state";
import type { Claim, Quote } from "@/lib/claims/claim-schema";
import { createQuoteSelector } from "@/lib/quotes/quote-selector";

const SOURCE = "The CIA on Thursday released two social media videos inviting disillusioned Chinese officials.";
const MAYA = { id: "u-maya", name: "Maya Chen" };
const claim: Claim = {
  id: "c1",
  status: "needs_review",
  createdBy: MAYA,
  createdAt: "2026-11-23T10:00:00.000Z",
  comments: [],
  quotes: [
    {
      id: "q2",
      sourceId: "s4",
      selector: createQuoteSelector(SOURCE, 4, 19),
      stance: "supports",
      note: "",
      addedBy: MAYA,
      addedAt: "2026-11-23T10:00:00.000Z",
    },
    {
      id: "q1",
      sourceId: "s1",
      selector: createQuoteSelector(SOURCE, 20, 52),
      stance: "context",
      note: "",
      addedBy: MAYA,
      addedAt: "2026-11-23T10:00:00.000Z",
    },
  ],
};
const span = { start: 0, end: 20, text: "The CIA has released" };

function decision(claimHash: string, kind: "approved" | "rejected" = "approved"): RecordedDecision {
  return {
    decision: kind,
    verdict: kind === "approved" ? "supported" : null,
    reason: "",
    claimHash,
    snapshot: claimSnapshot(claim, span),
    decidedBy: { id: "u-rosa", name: "Rosa" },
    decidedAt: "2026-11-23T11:00:00.000Z",
  };
}

describe("claim hashes", () => {
  it("do not depend on quote order, and change with the words, a quote or a stance", async () => {
    const base = await hashClaimSnapshot(claimSnapshot(claim, span));
    const reordered = { ...claim, quotes: [...claim.quotes].reverse() };
    expect(await hashClaimSnapshot(claimSnapshot(reordered, span))).toBe(base);
    expect(await hashClaimSnapshot(claimSnapshot(claim, { ...span, text: "The CIA released" }))).not.toBe(base);
    expect(await hashClaimSnapshot(claimSnapshot({ ...claim, quotes: claim.quotes.slice(1) }, span))).not.toBe(base);
    const restanced = { ...claim, quotes: claim.quotes.map((quote) => ({ ...quote, stance: "contradicts" as const })) };
    expect(await hashClaimSnapshot(claimSnapshot(restanced, span))).not.toBe(base);
    expect(await hashClaimSnapshot(claimSnapshot(claim, null))).not.toBe(base);
  });

  it("change with a quote's context or note, which readers see, but not with its offsets alone", async () => {
    const base = await hashClaimSnapshot(claimSnapshot(claim, span));
    const withQuote = (change: (quote: Quote) => Quote) => ({
      ...claim,
      quotes: claim.quotes.map((quote) => (quote.id === "q1" ? change(quote) : quote)),
    });
    const hashOf = (change: (quote: Quote) => Quote) => hashClaimSnapshot(claimSnapshot(withQuote(change), span));
    expect(
      await hashOf((quote) => ({ ...quote, selector: { ...quote.selector, prefix: "Officials deny that " } })),
    ).not.toBe(base);
    expect(
      await hashOf((quote) => ({ ...quote, selector: { ...quote.selector, suffix: " was never true." } })),
    ).not.toBe(base);
    expect(await hashOf((quote) => ({ ...quote, note: "Only a spokesman's word." }))).not.toBe(base);
    // The same words in the same context further down the source, as a correction may move them.
    expect(
      await hashOf((quote) => ({
        ...quote,
        selector: { ...quote.selector, start: quote.selector.start + 240, end: quote.selector.end + 240 },
      })),
    ).toBe(base);
  });

  it("take each quote's selector from selectorOf, so a context forged into the document does not count", async () => {
    const base = await hashClaimSnapshot(claimSnapshot(claim, span));
    const canonical = new Map(claim.quotes.map((quote) => [quote.id, quote.selector]));
    const forged = {
      ...claim,
      quotes: claim.quotes.map((quote) => ({
        ...quote,
        selector: { ...quote.selector, prefix: "Officials deny that " },
      })),
    };
    const snapshot = claimSnapshot(forged, span, (quote) => canonical.get(quote.id) ?? null);
    expect(snapshot.quotes.map((quote) => quote.prefix)).toEqual(["The CIA on Thursday ", "The "]);
    expect(await hashClaimSnapshot(snapshot)).toBe(base);
    // A quote that does not verify has no context the server vouches for, and is hashed as such.
    const unverified = claimSnapshot(claim, span, (quote) => (quote.id === "q1" ? null : quote.selector));
    expect(unverified.quotes[0]).toMatchObject({
      id: "q1",
      exact: claim.quotes[1]?.selector.exact,
      prefix: null,
      suffix: null,
    });
    expect(await hashClaimSnapshot(unverified)).not.toBe(base);
  });
});

describe("reviewState", () => {
  it("counts a recorded decision on the current content", () => {
    expect(reviewState("approved", "h1", decision("h1"))).toMatchObject({
      status: "approved",
      changedSinceDecision: false,
    });
    expect(reviewState("needs_review", "h1", decision("h1", "rejected"))).toMatchObject({ status: "rejected" });
  });

  it("sends a claim changed since its decision back to review", () => {
    expect(reviewState("approved", "h2", decision("h1"))).toMatchObject({
      status: "needs_review",
      changedSinceDecision: true,
    });
  });

  it("ignores an approval or rejection written into the document without a record", () => {
    expect(reviewState("approved", "h1", null)).toEqual({
      status: "needs_review",
      decision: null,
      changedSinceDecision: false,
      unrecordedStatus: true,
    });
    expect(reviewState("rejected", "h1", null).status).toBe("needs_review");
    expect(reviewState("draft", "h1", null)).toMatchObject({ status: "draft", unrecordedStatus: false });
  });
});

describe("publishBlockers", () => {
  const approved = {
    id: "c1",
    text: "The CIA has released",
    status: "approved" as const,
    quotes: [{ id: "q1", outlet: "NBC News", exact: "released", verified: true }],
  };

  it("is empty when every claim is approved, anchored, evidenced and verified", () => {
    expect(publishBlockers([approved])).toEqual([]);
  });

  it("names each claim and quote that blocks", () => {
    const blockers = publishBlockers([
      { ...approved, id: "c2", status: "needs_review" },
      { ...approved, id: "c3", quotes: [] },
      {
        ...approved,
        id: "c4",
        quotes: [
          {
            id: "q9",
            outlet: "Myind",
            exact: "no adversary had ever",
            verified: false,
            reason: "The quote does not occur in the source.",
          },
        ],
      },
      { ...approved, id: "c5", text: null },
    ]);
    expect(blockers.map((blocker) => [blocker.kind, "claimId" in blocker ? blocker.claimId : null])).toEqual([
      ["claim_not_approved", "c2"],
      ["claim_without_evidence", "c3"],
      ["quote_unverified", "c4"],
      ["claim_detached", "c5"],
    ]);
    expect(describeBlocker(blockers[0]!)).toBe("“The CIA has released” is needs review, not approved.");
    expect(describeBlocker(blockers[2]!)).toMatch(/^A quote from Myind .* does not verify/);
    expect(publishBlockers([])).toEqual([{ kind: "no_claims" }]);
  });

  it("blocks on quotes a source correction left unsettled, even when their words still verify", () => {
    const unsettled = (correction: "reverify" | "orphaned" | "pending") => ({
      ...approved,
      id: `c-${correction}`,
      quotes: [{ id: "q1", outlet: "NBC News", exact: "released", verified: true, correction }],
    });
    const blockers = publishBlockers([unsettled("reverify"), unsettled("orphaned"), unsettled("pending")]);
    expect(blockers.map((blocker) => blocker.kind)).toEqual([
      "quote_reverify",
      "quote_orphaned",
      "quote_reanchor_pending",
    ]);
    expect(blockers.map(describeBlocker)).toEqual([
      "A quote from NBC News (“released”) must be re-verified after a correction of its source.",
      "A quote from NBC News (“released”) was lost when its source was corrected: attach the passage again or remove the quote.",
      "NBC News was corrected, but its quotes (“released”) have not been found in the new text yet: open the workspace, which finishes it, and try again.",
    ]);
  });
});
