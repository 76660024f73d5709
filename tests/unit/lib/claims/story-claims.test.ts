import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { claimSpans, markClaimSpan } from "@/lib/anchoring/claim-spans";
import {
  addComment,
  addQuote,
  claimsMap,
  ClaimOperationError,
  createClaim,
  deleteClaim,
  readClaims,
  removeQuote,
  setClaimStatusAsEditor,
} from "@/lib/claims/story-claims";
import type { Quote } from "@/lib/claims/claim-schema";
import { createQuoteSelector } from "@/lib/quotes/quote-selector";
import { summaryText, writeSummaryParagraphs } from "@/lib/story-doc/summary";

const MAYA = { id: "u-maya", name: "Maya Chen" };
const AT = new Date("2026-11-23T10:00:00.000Z");
const SOURCE = "The CIA on Thursday released two social media videos inviting disillusioned Chinese officials.";

function storyWithClaim(): { doc: Y.Doc; claimId: string } {
  const doc = new Y.Doc();
  writeSummaryParagraphs(doc, ["The CIA has released two Mandarin-language recruitment videos."]);
  createClaim(doc, { id: "claim-1", by: MAYA, at: AT });
  markClaimSpan(doc, "claim-1", 0, 20);
  return { doc, claimId: "claim-1" };
}

function quote(id: string, overrides: Partial<Quote> = {}): Quote {
  return {
    id,
    sourceId: "source-004",
    selector: createQuoteSelector(SOURCE, 8, 36),
    stance: "supports",
    note: "",
    addedBy: MAYA,
    addedAt: AT.toISOString(),
    ...overrides,
  };
}

describe("claims in the story document", () => {
  it("creates a draft claim whose mark covers its words, and syncs to another replica", () => {
    const { doc } = storyWithClaim();
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const [claim] = readClaims(replica);
    expect(claim).toMatchObject({ id: "claim-1", status: "draft", createdBy: MAYA, quotes: [], comments: [] });
    expect(claimSpans(replica).get("claim-1")?.text).toBe("The CIA has released");
    expect(summaryText(replica).plain).toBe(summaryText(doc).plain);
  });

  it("adds and removes quotes and comments", () => {
    const { doc, claimId } = storyWithClaim();
    addQuote(doc, claimId, quote("q1"));
    addQuote(doc, claimId, quote("q2", { stance: "context", note: "Date differs" }));
    addComment(doc, claimId, { id: "c1", body: "Which day?", author: MAYA, createdAt: AT.toISOString() });
    removeQuote(doc, claimId, "q1");
    const [claim] = readClaims(doc);
    expect(claim?.quotes.map((q) => [q.id, q.stance, q.note])).toEqual([["q2", "context", "Date differs"]]);
    expect(claim?.quotes[0]?.selector.exact).toBe("on Thursday released two soc");
    expect(claim?.comments.map((c) => c.body)).toEqual(["Which day?"]);
  });

  it("lets editors move a claim between draft and needs review only", () => {
    const { doc, claimId } = storyWithClaim();
    setClaimStatusAsEditor(doc, claimId, "needs_review");
    expect(readClaims(doc)[0]?.status).toBe("needs_review");
    setClaimStatusAsEditor(doc, claimId, "draft");
    expect(() => setClaimStatusAsEditor(doc, claimId, "approved")).toThrow(ClaimOperationError);
    expect(() => setClaimStatusAsEditor(doc, "missing", "needs_review")).toThrow(ClaimOperationError);
  });

  it("refuses to write a malformed quote or an empty comment", () => {
    const { doc, claimId } = storyWithClaim();
    expect(() => addQuote(doc, claimId, quote("q1", { stance: "agrees" as never }))).toThrow();
    expect(() =>
      addComment(doc, claimId, { id: "c1", body: "   ", author: MAYA, createdAt: AT.toISOString() }),
    ).toThrow();
    expect(readClaims(doc)[0]?.quotes).toEqual([]);
  });
});

describe("deleteClaim", () => {
  it("removes the claim and its mark, keeps the words and an overlapping claim, on every replica", () => {
    const { doc, claimId } = storyWithClaim();
    addQuote(doc, claimId, quote("q1"));
    createClaim(doc, { id: "claim-2", by: MAYA, at: AT });
    markClaimSpan(doc, "claim-2", 4, 40);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(replica);

    deleteClaim(doc, claimId);
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc, before));
    for (const side of [doc, replica]) {
      expect(readClaims(side).map((claim) => claim.id)).toEqual(["claim-2"]);
      expect([...claimSpans(side).keys()]).toEqual(["claim-2"]);
      expect(claimSpans(side).get("claim-2")?.text).toBe("CIA has released two Mandarin-langua");
      expect(summaryText(side).plain).toBe("The CIA has released two Mandarin-language recruitment videos.");
    }
    expect(() => deleteClaim(doc, "no-such-claim")).not.toThrow();
  });
});

describe("readClaims against hostile entries", () => {
  it("ignores entries and items a raw client wrote that do not match the schema", () => {
    const { doc, claimId } = storyWithClaim();
    const claims = claimsMap(doc);
    // Not a Y.Map at all.
    (claims as unknown as Y.Map<unknown>).set("plain", { id: "plain", status: "approved" });
    // A Y.Map with an unknown status, one whose key and id differ, one with a script for a name.
    for (const [key, fields] of [
      ["bad-status", { id: "bad-status", status: "verified" }],
      ["mismatch", { id: "other-id", status: "draft" }],
      ["xss", { id: "xss", status: "draft", createdBy: { id: "<img src=x onerror=alert(1)>", name: "x" } }],
    ] as const) {
      const entry = new Y.Map<unknown>();
      const base = { createdBy: MAYA, createdAt: AT.toISOString(), quotes: [], comments: [] };
      for (const [field, value] of Object.entries({ ...base, ...fields })) entry.set(field, value);
      claims.set(key, entry);
    }
    // Hostile items inside a valid claim.
    const quotes = claims.get(claimId)?.get("quotes") as Y.Array<unknown>;
    quotes.push([{ id: "q-bad", sourceId: "s", selector: { exact: "", prefix: "", suffix: "", start: 5, end: 1 } }]);
    quotes.push(["just a string", 42, null]);
    quotes.push([quote("q-good")]);
    const comments = claims.get(claimId)?.get("comments") as Y.Array<unknown>;
    comments.push([{ id: "c", body: "x".repeat(10_000), author: MAYA, createdAt: AT.toISOString() }]);

    const read = readClaims(doc);
    expect(read.map((claim) => claim.id)).toEqual(["claim-1"]);
    expect(read[0]?.quotes.map((q) => q.id)).toEqual(["q-good"]);
    expect(read[0]?.comments).toEqual([]);
  });
});
