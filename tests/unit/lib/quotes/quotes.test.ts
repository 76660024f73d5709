import { describe, expect, it } from "vitest";
import { readArticleMetadata } from "@/lib/import/article-metadata";
import { normaliseArticleText } from "@/lib/import/normalise-text";
import { createQuoteSelector, QuoteRangeError, quoteSelectorSchema } from "@/lib/quotes/quote-selector";
import { normaliseForComparison, verifyQuote } from "@/lib/quotes/verify-quote";
import { seedFile } from "../../../support/seed-files";

const SOURCE_004 = normaliseArticleText(readArticleMetadata(seedFile("004")).body);
const RATCLIFFE = "No adversary in the history of our Nation has presented a more formidable challenge";

describe("createQuoteSelector", () => {
  it("takes the exact text and 32 characters of context each side", () => {
    const start = SOURCE_004.indexOf(RATCLIFFE);
    const selector = createQuoteSelector(SOURCE_004, start, start + RATCLIFFE.length);
    expect(selector.exact).toBe(RATCLIFFE);
    expect(selector.prefix).toHaveLength(32);
    expect(SOURCE_004.slice(start - 32, start)).toBe(selector.prefix);
    expect(selector.suffix).toBe(SOURCE_004.slice(start + RATCLIFFE.length, start + RATCLIFFE.length + 32));
    expect(quoteSelectorSchema.safeParse(selector).success).toBe(true);
  });

  it("keeps shorter context at the edges of the text", () => {
    expect(createQuoteSelector("The CIA released two videos.", 0, 7)).toEqual({
      exact: "The CIA",
      prefix: "",
      suffix: " released two videos.",
      start: 0,
      end: 7,
    });
  });

  it("refuses empty, whitespace-only and out-of-range ranges", () => {
    expect(() => createQuoteSelector("abc def", 2, 2)).toThrow(QuoteRangeError);
    expect(() => createQuoteSelector("abc def", 3, 4)).toThrow(/whitespace/);
    expect(() => createQuoteSelector("abc", 1, 9)).toThrow(QuoteRangeError);
  });
});

describe("verifyQuote", () => {
  const start = SOURCE_004.indexOf(RATCLIFFE);
  const selector = createQuoteSelector(SOURCE_004, start, start + RATCLIFFE.length);

  it("verifies a quote exactly at its offsets", () => {
    expect(verifyQuote(SOURCE_004, selector)).toEqual({
      verified: true,
      start,
      end: start + RATCLIFFE.length,
      exactAtOffsets: true,
    });
  });

  it("finds a quote that moved, and one typed with straight quotes, plain dashes and extra spaces", () => {
    const moved = `A new first paragraph.\n\n${SOURCE_004}`;
    expect(verifyQuote(moved, selector)).toMatchObject({ verified: true, start: start + 24, exactAtOffsets: false });

    const curly = "He called it “the most formidable competitor” — twice.";
    const typed = { ...createQuoteSelector(curly, 3, 45), exact: 'called it  "the most formidable competitor" -' };
    const result = verifyQuote(curly, typed);
    expect(result).toMatchObject({ verified: true });
    if (result.verified)
      expect(curly.slice(result.start, result.end)).toBe("called it “the most formidable competitor” —");
  });

  it("refuses a paraphrase: 003 puts Ratcliffe's words, changed, inside quotation marks", () => {
    const paraphrase = "No adversary had ever posed a more formidable challenge to the US than the CCP.";
    expect(seedFile("003")).toContain(paraphrase);
    const result = verifyQuote(SOURCE_004, {
      exact: paraphrase,
      prefix: "",
      suffix: "",
      start: 0,
      end: paraphrase.length,
    });
    expect(result).toEqual({ verified: false, reason: "The quote does not occur in the source." });
  });

  it("prefers the occurrence nearest the recorded offset", () => {
    const text = "videos here; videos there; videos everywhere";
    const result = verifyQuote(text, { exact: "videos", prefix: "", suffix: "", start: 25, end: 31 });
    expect(result).toMatchObject({ verified: true, start: 27, end: 33 });
  });
});

describe("normaliseForComparison", () => {
  it("maps each normalised character back to where it came from", () => {
    const { text, origins } = normaliseForComparison("a\u00a0 \u2014 \u201cb\u201d");
    expect(text).toBe('a - "b"');
    expect(origins).toEqual([0, 1, 3, 4, 5, 6, 7]);
  });
});
