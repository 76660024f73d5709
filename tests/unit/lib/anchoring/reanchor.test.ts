import { describe, expect, it } from "vitest";
import {
  APPLY_QUOTE_SIMILARITY,
  CLOSE_SECOND_MARGIN,
  reanchorQuote,
  reanchorQuotes,
  type ReanchorCandidate,
  type ReanchorResult,
} from "@/lib/anchoring/reanchor";
import { readArticleMetadata } from "@/lib/import/article-metadata";
import { normaliseArticleText } from "@/lib/import/normalise-text";
import { createQuoteSelector, type QuoteSelector } from "@/lib/quotes/quote-selector";
import { seedFile } from "../../../support/seed-files";

// The source as the seed stores it: 004's body (read from prisma/demo with node:fs), normalised at import.
const SOURCE = normaliseArticleText(readArticleMetadata(seedFile("004")).body);
const PARAGRAPHS = SOURCE.split("\n\n");

const VIDEO = "The video was viewed 900,000 times, agency officials said.";
const RATCLIFFE = "Director John Ratcliffe has vowed to make China a top priority for the CIA’s intelligence gathering";
const EMBASSY = "The Chinese embassy did not immediately respond to a request for comment.";
const FRUSTRATION = "sharing his frustration with the wealth gap";
const OPEN_DOOR = "“We want Chinese citizens to know we always have an open door to them.”";
const ACROSS = "the CIA using the “dark web,” a part of the internet only accessible with specialized software";
const DREAMS = "It’s time I start working toward my own dreams,";
const TWO_PARAGRAPHS = `${PARAGRAPHS[16]}\n\n${PARAGRAPHS[17]}`;

/** The selector of the only occurrence of `words` in `text`. */
function quote(words: string, text = SOURCE): QuoteSelector {
  const start = text.indexOf(words);
  expect(start, `"${words}" occurs in the text`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(words, start + 1), `"${words}" occurs once`).toBe(-1);
  return createQuoteSelector(text, start, start + words.length);
}

/** The text with its only occurrence of `from` replaced, as an editor's correction. */
function revise(text: string, from: string, to: string): string {
  expect(text.split(from), `"${from}" occurs once`).toHaveLength(2);
  return text.replace(from, () => to);
}

/** Asserts the result is one kind and returns it narrowed. */
function expectKind<K extends ReanchorResult["kind"]>(
  result: ReanchorResult | undefined,
  kind: K,
): Extract<ReanchorResult, { kind: K }> {
  expect(result?.kind, JSON.stringify(result)).toBe(kind);
  return result as Extract<ReanchorResult, { kind: K }>;
}

/** Asserts a selector is a true selector of the text: its offsets slice to its exact text, with its context. */
function expectSelectorOf(selector: QuoteSelector, text: string): void {
  expect(selector).toEqual(createQuoteSelector(text, selector.start, selector.end));
}

function candidateTexts(candidates: ReanchorCandidate[]): string[] {
  return candidates.map((candidate) => candidate.selector.exact);
}

describe("reanchorQuote on an unchanged source", () => {
  it("finds every quote exactly where it was, with the same selector", () => {
    for (const words of [
      VIDEO,
      RATCLIFFE,
      EMBASSY,
      FRUSTRATION,
      OPEN_DOOR,
      ACROSS,
      DREAMS,
      TWO_PARAGRAPHS,
      PARAGRAPHS[0] ?? "",
      "grit",
    ]) {
      const selector = quote(words);
      expect(reanchorQuote(selector, SOURCE)).toEqual({ kind: "exact", selector });
    }
  });
});

describe("reanchorQuote on a moved passage", () => {
  it("follows quotes when the paragraphs are reordered and an editor's note is put before them", () => {
    const note = "Correction: an earlier version of this article misstated when the videos were released.";
    const revised = [note, ...PARAGRAPHS.slice(10), ...PARAGRAPHS.slice(0, 10)].join("\n\n");
    for (const words of [VIDEO, EMBASSY, FRUSTRATION, PARAGRAPHS[5] ?? "", TWO_PARAGRAPHS]) {
      const old = quote(words);
      const result = expectKind(reanchorQuote(old, revised), "exact");
      expect(result.selector.exact).toBe(words);
      expect(result.selector.start).toBe(revised.indexOf(words));
      expect(result.selector.start).not.toBe(old.start);
      expectSelectorOf(result.selector, revised);
    }
  });

  it("keeps a quote whose prefix changed because a sentence was inserted right before it", () => {
    const revised = revise(SOURCE, `software. ${VIDEO}`, `software. It was posted on several platforms. ${VIDEO}`);
    const result = expectKind(reanchorQuote(quote(VIDEO), revised), "exact");
    expect(result.selector.prefix).toBe("It was posted on several platforms. ".slice(-32));
    expect(result.selector.suffix).toBe(quote(VIDEO).suffix);
    expect(revised.slice(result.selector.start, result.selector.end)).toBe(VIDEO);
  });
});

describe("reanchorQuote on a lightly edited passage", () => {
  it("applies a fuzzy match when one word inside the quote and its punctuation changed, and reports it changed", () => {
    const edited =
      "Director John Ratcliffe has pledged to make China a top priority for the CIA's intelligence-gathering";
    const revised = revise(SOURCE, RATCLIFFE, edited);
    const result = expectKind(reanchorQuote(quote(RATCLIFFE), revised), "edited");
    expect(result.changed).toBe(true);
    expect(result.selector.exact).toBe(edited);
    expect(result.selector.start).toBe(SOURCE.indexOf(RATCLIFFE));
    expect(result.similarity).toBeGreaterThanOrEqual(APPLY_QUOTE_SIMILARITY);
    expect(result.similarity).toBeLessThan(1);
    expectSelectorOf(result.selector, revised);
  });

  it("follows an edited quote that also moved, and keeps its edges on whole words", () => {
    const words = "The Chinese embassy did not immediately respond to a request for comment";
    const reordered = [...PARAGRAPHS.slice(10), ...PARAGRAPHS.slice(0, 10)].join("\n\n");
    const revised = revise(reordered, "respond to a request for comment.", "reply to a request for comments.");
    const result = expectKind(reanchorQuote(quote(words), revised), "edited");
    // The closest match ends at "comment"; cutting "comments" in two would hide the change.
    expect(result.selector.exact).toBe("The Chinese embassy did not immediately reply to a request for comments");
    expect(result.selector.start).toBe(reordered.indexOf(words));
    expect(result.changed).toBe(true);
    expectSelectorOf(result.selector, revised);
  });

  it("applies a change of quote marks only, and reports the quote unchanged", () => {
    const straight = "\"If it wasn't working, we wouldn't be making more videos,\" the official said.";
    const curly = "“If it wasn’t working, we wouldn’t be making more videos,” the official said.";
    const result = expectKind(reanchorQuote(quote(curly), revise(SOURCE, curly, straight)), "edited");
    expect(result).toMatchObject({ changed: false, selector: { exact: straight } });
  });
});

describe("reanchorQuote on a rewritten or deleted passage", () => {
  it("orphans a quote whose sentence was replaced by a paraphrase", () => {
    const revised = revise(SOURCE, VIDEO, "Agency officials said the video had drawn roughly 900,000 views.");
    expect(reanchorQuote(quote(VIDEO), revised)).toEqual({
      kind: "orphaned",
      reason: "No passage of the corrected text is close enough to the quote.",
    });
  });

  it("sends a close rewrite back for re-verification instead of applying it", () => {
    const rewrite = "The Chinese embassy has not yet replied to a request for comment.";
    const result = expectKind(reanchorQuote(quote(EMBASSY), revise(SOURCE, EMBASSY, rewrite)), "reverify");
    expect(candidateTexts(result.candidates)).toEqual([rewrite]);
    expect(result.candidates[0].similarity).toBeLessThan(APPLY_QUOTE_SIMILARITY);
    expect(result.candidates[0].reasons).toEqual(["only 78% of the quote's text matches (80% needed)"]);
  });

  it("orphans a quote whose sentence was deleted", () => {
    const revised = revise(SOURCE, ` ${VIDEO}`, "");
    expectKind(reanchorQuote(quote(VIDEO), revised), "orphaned");
  });

  it("orphans quotes whose whole paragraph was deleted, short ones included", () => {
    const revised = revise(SOURCE, `\n\n${PARAGRAPHS[8]}`, "");
    expect(PARAGRAPHS[8]).toContain(OPEN_DOOR);
    for (const words of [OPEN_DOOR, "an open door", PARAGRAPHS[8] ?? ""]) {
      expectKind(reanchorQuote(quote(words), revised), "orphaned");
    }
  });

  it("orphans a quote with no text, rather than searching for it", () => {
    expect(reanchorQuote({ exact: "  ", prefix: "", suffix: "", start: 0, end: 2 }, SOURCE)).toMatchObject({
      kind: "orphaned",
    });
  });
});

describe("reanchorQuote never lets a look-alike capture a quote", () => {
  const LOOK_ALIKE = "The video was viewed 1,200,000 times, agency officials said.";

  it("stays on the original when a sentence differing only in a number is added", () => {
    const revised = `${SOURCE}\n\n${LOOK_ALIKE}`;
    const result = expectKind(reanchorQuote(quote(VIDEO), revised), "exact");
    expect(result.selector).toEqual(quote(VIDEO));
  });

  it("does not move to that sentence when the original is deleted", () => {
    const revised = `${revise(SOURCE, ` ${VIDEO}`, "")}\n\n${LOOK_ALIKE}`;
    const result = expectKind(reanchorQuote(quote(VIDEO), revised), "reverify");
    expect(candidateTexts(result.candidates)).toEqual([LOOK_ALIKE]);
    expect(result.candidates[0].similarity).toBeGreaterThan(0.9);
    expect(result.candidates[0].reasons).toEqual([
      "the words around it are not the quote's old context",
      "a number changed: 900,000 → 1,200,000",
    ]);
    expectSelectorOf(result.candidates[0].selector, revised);
  });

  it("shows both passages when the original's number is corrected and the look-alike is there too", () => {
    const corrected = "The video was viewed 950,000 times, agency officials said.";
    const revised = `${revise(SOURCE, VIDEO, corrected)}\n\n${LOOK_ALIKE}`;
    const result = expectKind(reanchorQuote(quote(VIDEO), revised), "reverify");
    expect(candidateTexts(result.candidates)).toEqual([corrected, LOOK_ALIKE]);
    expect(result.candidates[0].selector.start).toBe(SOURCE.indexOf(VIDEO));
    expect(result.candidates[0].reasons).toEqual(["a number changed: 900,000 → 950,000"]);
    expect(result.candidates[1]?.reasons).toEqual([
      "the words around it are not the quote's old context",
      "a number changed: 900,000 → 1,200,000",
    ]);
    expect(result.reason).toBe(
      "The closest passage cannot be applied without a person: a number changed: 900,000 → 950,000.",
    );
    for (const candidate of result.candidates) expectSelectorOf(candidate.selector, revised);
  });

  it("does not take a quoted number from inside a longer one", () => {
    const revised = revise(SOURCE, "viewed 900,000 times", "viewed 1,900,000 times");
    const result = expectKind(reanchorQuote(quote("900,000 times"), revised), "reverify");
    expect(candidateTexts(result.candidates)).toEqual(["1,900,000 times"]);
    expect(result.candidates[0].reasons).toEqual(["a number changed: 900,000 → 1,900,000"]);
  });

  it("treats a number written in words as a number", () => {
    const words = "Six months ago, the CIA released a text-only video in Mandarin";
    const result = expectKind(
      reanchorQuote(quote(words), revise(SOURCE, "Six months ago", "Seven months ago")),
      "reverify",
    );
    expect(result.candidates[0].reasons).toEqual(["a number changed: Six → Seven"]);
  });

  it("does not apply a corrected name", () => {
    const revised = revise(SOURCE, "John Ratcliffe has", "John Radcliffe has");
    const result = expectKind(reanchorQuote(quote(RATCLIFFE), revised), "reverify");
    expect(candidateTexts(result.candidates)).toEqual([RATCLIFFE.replace("Ratcliffe", "Radcliffe")]);
    expect(result.candidates[0].similarity).toBeGreaterThan(0.95);
    expect(result.candidates[0].reasons).toEqual(["a name changed: Ratcliffe → Radcliffe"]);
  });

  it("does not move to a sentence about someone else when the original is deleted", () => {
    const other = "Director Tulsi Gabbard has vowed to make China a top priority for the CIA’s intelligence gathering";
    const revised = `${revise(SOURCE, `${RATCLIFFE}, and he cited the videos as the latest example of that effort.`, "")}\n\n${other}.`;
    const result = reanchorQuote(quote(RATCLIFFE), revised);
    expect(result.kind).not.toBe("edited");
    const reverify = expectKind(result, "reverify");
    expect(reverify.candidates[0].selector.exact).toBe(other);
    expect(reverify.candidates[0].reasons).toContain("a name changed: John, Ratcliffe → Tulsi, Gabbard");
  });

  it("does not move to a look-alike sentence elsewhere whose one changed word is neither number nor name", () => {
    const sentence =
      "The junior official narrates the video, sharing his frustration with the wealth gap between the party elite and the rest of Chinese society.";
    const lookAlike = sentence.replace("junior", "senior");
    const revised = `${revise(SOURCE, ` ${sentence}`, "")}\n\n${lookAlike}`;
    const result = expectKind(reanchorQuote(quote(sentence), revised), "reverify");
    expect(candidateTexts(result.candidates)).toEqual([lookAlike]);
    expect(result.candidates[0].reasons).toEqual(["the words around it are not the quote's old context"]);
  });

  it("does not apply an edit in place while the quote's old words still occur elsewhere", () => {
    const edited = "The Chinese embassy did not respond to a request for comment.";
    const revised = `${revise(SOURCE, EMBASSY, edited)}\n\n${EMBASSY}`;
    const result = expectKind(reanchorQuote(quote(EMBASSY), revised), "reverify");
    expect(candidateTexts(result.candidates)).toEqual([edited, EMBASSY]);
    expect(result.candidates[0].reasons).toEqual(["the quote's old text still occurs word for word elsewhere"]);
    expect(result.candidates[1]).toMatchObject({
      similarity: 1,
      reasons: ["the same words, away from the quote's old context"],
    });
  });
});

describe("reanchorQuote with two equally good candidates", () => {
  it("shows both when the quote's paragraph is duplicated", () => {
    const paragraph = PARAGRAPHS[11] ?? "";
    expect(paragraph).toContain(FRUSTRATION);
    const revised = revise(SOURCE, paragraph, `${paragraph}\n\n${paragraph}`);
    const result = expectKind(reanchorQuote(quote(FRUSTRATION), revised), "reverify");
    expect(result.reason).toBe("Two passages fit the quote almost equally well.");
    expect(candidateTexts(result.candidates)).toEqual([FRUSTRATION, FRUSTRATION]);
    const [first, second] = result.candidates;
    expect(first.selector.start).toBe(SOURCE.indexOf(FRUSTRATION));
    expect(second?.selector.start).toBe(SOURCE.indexOf(FRUSTRATION) + paragraph.length + 2);
    expect(first.score - (second?.score ?? 0)).toBeLessThan(CLOSE_SECOND_MARGIN);
    for (const candidate of result.candidates) {
      expectSelectorOf(candidate.selector, revised);
      expect(candidate.reasons[0]).toMatch(/^another passage fits almost as well/);
    }
  });

  it("shows both when the duplicate lands far away: position alone settles nothing", () => {
    const revised = `${SOURCE}\n\n${PARAGRAPHS[11]}`;
    const result = expectKind(reanchorQuote(quote(FRUSTRATION), revised), "reverify");
    expect(result.candidates.map((candidate) => candidate.selector.start)).toEqual([
      SOURCE.indexOf(FRUSTRATION),
      revised.lastIndexOf(FRUSTRATION),
    ]);
  });

  it("picks the occurrence whose context fits when the same words occur twice", () => {
    // "the CIA released" occurs in two paragraphs; each quote comes back to its own.
    const words = "the CIA released";
    const first = SOURCE.indexOf(words);
    const second = SOURCE.indexOf(words, first + 1);
    expect(second).toBeGreaterThan(first);
    const revised = `A note from the editor.\n\n${SOURCE}`;
    for (const start of [first, second]) {
      const result = expectKind(
        reanchorQuote(createQuoteSelector(SOURCE, start, start + words.length), revised),
        "exact",
      );
      expect(result.selector.start).toBe(start + "A note from the editor.\n\n".length);
    }
  });
});

describe("reanchorQuotes", () => {
  it("re-anchors every quote on a source in one pass, in order", () => {
    const selectors = [VIDEO, RATCLIFFE, EMBASSY, FRUSTRATION, OPEN_DOOR].map((words) => quote(words));
    let revised = revise(SOURCE, "has vowed", "has pledged");
    revised = revise(revised, ` ${VIDEO}`, "");
    revised = `Editor's note: this article has been corrected.\n\n${revised}`;
    expect(reanchorQuotes(selectors, revised).map((result) => result.kind)).toEqual([
      "orphaned",
      "edited",
      "exact",
      "exact",
      "exact",
    ]);
  });

  it("is fast on a 5,000-word source: 21 paragraph-long quotes, every one edited", () => {
    // 004, with "the" made "a" throughout, ahead of the four other seed articles three times over.
    const others = ["000", "001", "002", "003"].map((number) => normaliseArticleText(seedFile(number))).join("\n\n");
    const revised = [SOURCE.replaceAll(" the ", " a "), others, others, others].join("\n\n");
    expect(revised.split(/\s+/).length).toBeGreaterThan(5_000);
    const selectors = PARAGRAPHS.map((paragraph) => quote(paragraph));

    const began = performance.now();
    const results = reanchorQuotes(selectors, revised);
    const elapsed = performance.now() - began;

    expect(elapsed).toBeLessThan(1_000);
    const edited = results.filter((result) => result.kind === "edited");
    expect(edited.length).toBeGreaterThanOrEqual(18);
    for (const result of edited) {
      expect(result.changed).toBe(true);
      expectSelectorOf(result.selector, revised);
    }
    // The aggregator page 000 carries one of 004's paragraphs word for word, so that quote stays for a person.
    const syndicated = PARAGRAPHS.findIndex((paragraph) => others.includes(paragraph) && paragraph.includes(" the "));
    expect(expectKind(results[syndicated], "reverify").candidates[0].reasons).toEqual([
      "the quote's old text still occurs word for word elsewhere",
    ]);
  });
});
