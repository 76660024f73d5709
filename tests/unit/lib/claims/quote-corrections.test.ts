import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applySourceCorrection, chooseReanchorCandidate } from "@/lib/claims/quote-corrections";
import { addQuote, claimsMap, createClaim, readClaims } from "@/lib/claims/story-claims";
import { readArticleMetadata } from "@/lib/import/article-metadata";
import { normaliseArticleText } from "@/lib/import/normalise-text";
import { createQuoteSelector } from "@/lib/quotes/quote-selector";
import { verifyQuote } from "@/lib/quotes/verify-quote";
import { seedFile } from "../../../support/seed-files";

// Seed 004 (NBC News) as the demo story stores it, and corrections of it.
const TEXT = normaliseArticleText(readArticleMetadata(seedFile("004")).body);
const PARAGRAPHS = TEXT.split("\n\n");
const FIRST = PARAGRAPHS[0] ?? "";
const RESEMBLE = "resemble recruiting videos the C.I.A. agency has produced";
const actor = { id: "maya", name: "Maya Chen" };

/** A document with one claim per passage, each quoting it from source "s004" (and one quote from "other"). */
function documentQuoting(passages: string[], status = "approved") {
  const doc = new Y.Doc();
  const at = new Date("2026-11-23T10:00:00Z");
  passages.forEach((passage, i) => {
    const start = TEXT.indexOf(passage);
    if (start === -1) throw new Error(`not in 004: ${passage}`);
    createClaim(doc, { id: `c${i}`, by: actor, at: new Date(at.getTime() + i) });
    (claimsMap(doc).get(`c${i}`) as Y.Map<unknown>).set("status", status);
    addQuote(doc, `c${i}`, {
      id: `q${i}`,
      sourceId: "s004",
      selector: createQuoteSelector(TEXT, start, start + passage.length),
      stance: "supports",
      note: "",
      addedBy: actor,
      addedAt: at.toISOString(),
    });
  });
  addQuote(doc, "c0", {
    id: "q-other",
    sourceId: "other",
    selector: { exact: "Another source", prefix: "", suffix: "", start: 0, end: 14 },
    stance: "context",
    note: "",
    addedBy: actor,
    addedAt: at.toISOString(),
  });
  return doc;
}

const quoteOf = (doc: Y.Doc, claimId: string, quoteId = `q${claimId.slice(1)}`) =>
  readClaims(doc)
    .find((claim) => claim.id === claimId)
    ?.quotes.find((quote) => quote.id === quoteId);
const statusOf = (doc: Y.Doc, claimId: string) => readClaims(doc).find((claim) => claim.id === claimId)?.status;

describe("applySourceCorrection", () => {
  it("moves an unchanged quote with its passage and keeps its claim's decision", () => {
    const doc = documentQuoting([FIRST]);
    const corrected = [PARAGRAPHS[1], FIRST, ...PARAGRAPHS.slice(2)].join("\n\n");
    const outcome = applySourceCorrection(doc, "s004", corrected, 2);
    expect(outcome).toEqual({ unchanged: 1, changed: 0, reverify: 0, orphaned: 0, claimsToReview: [] });
    const quote = quoteOf(doc, "c0");
    expect(quote?.sourceRevision).toBe(2);
    expect(quoteOf(doc, "c0", "q-other")?.sourceRevision).toBeUndefined();
    expect(quote?.selector.start).toBe(corrected.indexOf(FIRST));
    expect(quote && verifyQuote(corrected, quote.selector).verified).toBe(true);
    expect(statusOf(doc, "c0")).toBe("approved");
  });

  it("re-anchors a moved passage with one word changed and sends its approved claim back to review", () => {
    const doc = documentQuoting([FIRST]);
    const corrected = [PARAGRAPHS[1], FIRST.replace("released", "posted"), ...PARAGRAPHS.slice(2)].join("\n\n");
    const outcome = applySourceCorrection(doc, "s004", corrected, 2);
    expect(outcome).toEqual({ unchanged: 0, changed: 1, reverify: 0, orphaned: 0, claimsToReview: ["c0"] });
    expect(quoteOf(doc, "c0")?.selector.exact).toBe(FIRST.replace("released", "posted"));
    expect(quoteOf(doc, "c0")?.correction).toBeUndefined();
    expect(statusOf(doc, "c0")).toBe("needs_review");
  });

  it("leaves a draft claim a draft when its quote's words change", () => {
    const doc = documentQuoting([FIRST], "draft");
    const outcome = applySourceCorrection(doc, "s004", TEXT.replace("released", "posted"), 2);
    expect(outcome.changed).toBe(1);
    expect(outcome.claimsToReview).toEqual([]);
    expect(statusOf(doc, "c0")).toBe("draft");
  });

  it("puts a quote whose number changed to re-verification, keeping its old selector until someone chooses", () => {
    const sentence = PARAGRAPHS.find((paragraph) => /\d/.test(paragraph) && paragraph.length < 400) ?? "";
    const number = /\d[\d,.]*/.exec(sentence)?.[0] ?? "";
    expect(number).not.toBe("");
    const doc = documentQuoting([sentence]);
    const before = quoteOf(doc, "c0")?.selector;
    const corrected = TEXT.replace(sentence, sentence.replace(number, `${number}9`));
    const outcome = applySourceCorrection(doc, "s004", corrected, 2);
    expect(outcome).toMatchObject({ reverify: 1, changed: 0, orphaned: 0 });
    const quote = quoteOf(doc, "c0");
    expect(quote?.selector).toEqual(before);
    expect(quote?.correction).toMatchObject({ state: "reverify", revision: 2 });
    expect(quote && verifyQuote(corrected, quote.selector).verified).toBe(false);
    if (quote?.correction?.state !== "reverify") throw new Error("expected reverify");
    expect(quote.correction.candidates[0]?.reasons.join(" ")).toMatch(/number/);

    chooseReanchorCandidate(doc, "c0", "q0", 0);
    const chosen = quoteOf(doc, "c0");
    expect(chosen?.correction).toBeUndefined();
    expect(chosen && verifyQuote(corrected, chosen.selector).verified).toBe(true);
    expect(() => chooseReanchorCandidate(doc, "c0", "q0", 0)).toThrow(/no passage/);
  });

  it("orphans a quote whose passage was deleted, and re-anchors it again when a later revision restores it", () => {
    const paragraph = PARAGRAPHS.find((p) => p.includes(RESEMBLE)) ?? "";
    const doc = documentQuoting([paragraph]);
    const withoutIt = PARAGRAPHS.filter((p) => p !== paragraph).join("\n\n");
    expect(applySourceCorrection(doc, "s004", withoutIt, 2)).toMatchObject({ orphaned: 1 });
    expect(quoteOf(doc, "c0")?.correction).toMatchObject({ state: "orphaned", revision: 2 });
    expect(quoteOf(doc, "c0")?.selector.exact).toBe(paragraph);

    expect(applySourceCorrection(doc, "s004", TEXT, 3)).toMatchObject({ unchanged: 1, orphaned: 0 });
    expect(quoteOf(doc, "c0")?.correction).toBeUndefined();
  });

  it("does not touch quotes from other sources", () => {
    const doc = documentQuoting([FIRST]);
    const other = JSON.stringify(quoteOf(doc, "c0", "q-other"));
    applySourceCorrection(doc, "s004", "Nothing of the old text.", 2);
    expect(JSON.stringify(quoteOf(doc, "c0", "q-other"))).toBe(other);
  });
});
