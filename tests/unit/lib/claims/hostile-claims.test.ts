import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { claimSpans, markClaimSpan } from "@/lib/anchoring/claim-spans";
import type { Quote } from "@/lib/claims/claim-schema";
import { addComment, addQuote, claimsMap, createClaim, readClaims } from "@/lib/claims/story-claims";
import { createQuoteSelector } from "@/lib/quotes/quote-selector";
import { writeSummaryParagraphs } from "@/lib/story-doc/summary";
import { nestMaps, pushNestedMap } from "../../../support/hostile-document";

const MAYA = { id: "u-maya", name: "Maya Chen" };
const AT = new Date("2026-11-23T10:00:00.000Z");
const SOURCE = "The CIA on Thursday released two social media videos inviting disillusioned Chinese officials.";
const QUOTE: Quote = {
  id: "q1",
  sourceId: "source-004",
  selector: createQuoteSelector(SOURCE, 4, 36),
  stance: "supports",
  note: "",
  addedBy: MAYA,
  addedAt: AT.toISOString(),
};

/** A story with one valid claim (a quote, a comment), written by the app's own functions. */
function storyWithClaim(): Y.Doc {
  const doc = new Y.Doc();
  writeSummaryParagraphs(doc, ["The CIA has released two Mandarin-language recruitment videos."]);
  createClaim(doc, { id: "claim-1", by: MAYA, at: AT });
  markClaimSpan(doc, "claim-1", 0, 20);
  addQuote(doc, "claim-1", QUOTE);
  addComment(doc, "claim-1", { id: "c1", body: "Which day?", author: MAYA, createdAt: AT.toISOString() });
  return doc;
}

/** A claim entry made by createClaim, then changed by `write` as a raw client could. */
function hostileClaim(doc: Y.Doc, id: string, write: (entry: Y.Map<unknown>) => void): void {
  createClaim(doc, { id, by: MAYA, at: AT });
  write(claimsMap(doc).get(id) as Y.Map<unknown>);
}

/** `doc` as another replica receives it, through one update. */
function received(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return replica;
}

describe("readClaims against deeply nested shared types", () => {
  it("skips a claim entry that is a Y.Map nested 20,000 deep and still reads the valid claim", () => {
    const doc = storyWithClaim();
    nestMaps(claimsMap(doc) as Y.Map<unknown>, "deep");
    const replica = received(doc);
    expect(() => readClaims(replica)).not.toThrow();
    const [claim, ...others] = readClaims(replica);
    expect(others).toEqual([]);
    expect(claim).toMatchObject({ id: "claim-1", status: "draft", createdBy: MAYA, quotes: [QUOTE] });
    expect(claim?.comments.map((comment) => comment.body)).toEqual(["Which day?"]);
    expect(claimSpans(replica).get("claim-1")?.text).toBe("The CIA has released");
  });

  it("leaves out a claim whose id, status, author, time, quotes or comments is a deeply nested map", () => {
    const doc = storyWithClaim();
    for (const field of ["id", "status", "createdBy", "createdAt", "quotes", "comments"]) {
      hostileClaim(doc, `claim-${field}`, (entry) => nestMaps(entry, field));
    }
    expect(readClaims(received(doc)).map((claim) => claim.id)).toEqual(["claim-1"]);
  });

  it("leaves out a quote or a comment that is a deeply nested map, keeping the valid ones", () => {
    const doc = storyWithClaim();
    const entry = claimsMap(doc).get("claim-1") as Y.Map<unknown>;
    pushNestedMap(entry.get("quotes") as Y.Array<unknown>);
    pushNestedMap(entry.get("comments") as Y.Array<unknown>);
    const [claim] = readClaims(received(doc));
    expect(claim?.quotes).toEqual([QUOTE]);
    expect(claim?.comments.map((comment) => comment.id)).toEqual(["c1"]);
  });

  it("leaves out a quote written as a Y.Map even when its fields would make a valid quote", () => {
    const doc = storyWithClaim();
    const entry = claimsMap(doc).get("claim-1") as Y.Map<unknown>;
    const forged = new Y.Map<unknown>();
    (entry.get("quotes") as Y.Array<unknown>).push([forged]);
    for (const [field, value] of Object.entries({ ...QUOTE, id: "q-forged" })) forged.set(field, value);
    expect(readClaims(received(doc))[0]?.quotes.map((quote) => quote.id)).toEqual(["q1"]);
  });
});
