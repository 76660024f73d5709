import search from "approx-string-match";
import { createQuoteSelector, type QuoteSelector } from "../quotes/quote-selector";
import { normaliseForComparison } from "../quotes/verify-quote";

/*
 * Re-anchoring quotes when an editor corrects a source's text. Wrong anchors are worse than orphans: the
 * classic failure of fuzzy anchoring (Hypothesis's most reported one) is a match that silently jumps to a
 * look-alike sentence. So a fuzzy match is applied only when its words, its surroundings and its numbers and
 * names all agree and no other passage fits nearly as well; everything in between goes to a person.
 */

/**
 * The least quote similarity (1 − edits ÷ quote length) a passage may have to be considered at all. It sets the
 * search's error budget (40% of the quote, a little tighter than Hypothesis's 50%): below it the words say
 * something else, and random stretches of English start to match short quotes.
 */
export const MIN_QUOTE_SIMILARITY = 0.6;

/**
 * The least quote similarity for a fuzzy match to be applied without a person: four characters in five
 * unchanged, which is a corrected word or two in a sentence-length quote. A candidate this similar is also worth
 * showing for re-verification wherever it sits.
 */
export const APPLY_QUOTE_SIMILARITY = 0.8;

/**
 * The least similarity of the quote's old prefix or suffix (whichever fits better) to the new text around a
 * candidate for it to count as "in the same place". A fuzzy match must have it to be applied, because a
 * look-alike sentence elsewhere has the quote's words but not its surroundings; an exact match with it is
 * trusted without a fuzzy search. Unrelated 32-character contexts of the seed articles score 0.28 at the median
 * and under 0.5 in 99 pairs out of 100, so 0.7 needs most of one side to survive the correction.
 */
export const CONTEXT_SUPPORT = 0.7;

/**
 * How close (in combined score, 0–1) a second passage may come to the best before the choice is ambiguous.
 * It is larger than the whole weight of position (2 of 92), so position alone never settles a tie: a duplicated
 * passage is ambiguous wherever the copy lands.
 */
export const CLOSE_SECOND_MARGIN = 0.05;

/** Hypothesis's weights (match-quote.ts): the quote counts most, its context next, its old position least. */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const TOTAL_WEIGHT = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;

/** Characters searched on each side of the old position before the whole text (a paragraph or two). */
const NEIGHBOURHOOD = 1_000;
/** Whole-text searches for further passages, each masking the ones already found. */
const RIVAL_SEARCHES = 3;
/** Candidates shown for re-verification, best first. */
const MAX_SHOWN = 3;
/** The furthest a match's edge is moved to reach the edge of the word or number it cuts. */
const MAX_SNAP = 40;

/** A passage of the new text that may be the quote, as shown to the person who re-verifies it. */
export interface ReanchorCandidate {
  /** The passage's selector in the new text. */
  selector: QuoteSelector;
  /** 1 − edits ÷ length between the old quote and the passage (Levenshtein distance, the longer length). */
  similarity: number;
  /** Quote, prefix, suffix and position similarity combined with Hypothesis's weights, 0–1; ranks candidates. */
  score: number;
  /** Why the passage cannot simply replace the quote, in an editor's words. */
  reasons: string[];
}

/**
 * What became of a quote in its source's new text:
 * - `exact`: the same text, found where its context fits best (its offsets and context may have changed);
 * - `edited`: a fuzzy match safe to apply; `changed` says whether the words differ (not just whitespace, quote
 *   marks or dashes), in which case the claim resting on the quote goes back to review;
 * - `reverify`: one or more plausible passages that must not be applied without a person, best first;
 * - `orphaned`: nothing in the new text is the quote; it keeps its old text.
 */
export type ReanchorResult =
  | { kind: "exact"; selector: QuoteSelector }
  | { kind: "edited"; selector: QuoteSelector; similarity: number; changed: boolean }
  | { kind: "reverify"; candidates: [ReanchorCandidate, ...ReanchorCandidate[]]; reason: string }
  | { kind: "orphaned"; reason: string };

/**
 * Re-anchors a quote in the corrected text of its source: its exact text first (the occurrence whose prefix,
 * suffix and position fit best), then a fuzzy match scored on the quote, its context and its old position, as
 * Hypothesis does. A fuzzy match is applied only when it is similar enough, in the same place, keeps the quote's
 * numbers and names, and has no close second; otherwise the plausible passages come back for re-verification.
 * Both texts are in the form of normaliseArticleText. Never throws.
 * @example
 * const quote = createQuoteSelector("In 2024 the video was veiwed 900,000 times.", 8, 42);
 * reanchorQuote(quote, "In 2024 the video was viewed 900,000 times.")
 * // { kind: "edited", selector: { exact: "the video was viewed 900,000 times", start: 8, … }, similarity: 0.941, changed: true }
 * reanchorQuote(quote, "In 2024 the video was viewed 950,000 times.")
 * // { kind: "reverify", candidates: [{ …, reasons: ["a number changed: 900,000 → 950,000"] }], reason: "…" }
 */
export function reanchorQuote(selector: QuoteSelector, newText: string): ReanchorResult {
  return reanchorIn(new Revision(newText), selector);
}

/**
 * Re-anchors every quote on a source in its corrected text, in order; see reanchorQuote. Never throws.
 * @example reanchorQuotes(quotes.map((quote) => quote.selector), correctedText).filter((r) => r.kind !== "exact")
 */
export function reanchorQuotes(selectors: readonly QuoteSelector[], newText: string): ReanchorResult[] {
  const revision = new Revision(newText);
  return selectors.map((selector) => reanchorIn(revision, selector));
}

/** The corrected text, with what every quote's re-anchoring can share. */
class Revision {
  private lowercase: Set<string> | null = null;

  constructor(readonly text: string) {}

  /** Words the text writes in lower case: a capitalised one of them opening a sentence is not a name. */
  get lowercaseWords(): Set<string> {
    this.lowercase ??= new Set(
      tokens(this.text)
        .filter((token) => /^\p{Ll}/u.test(token.text))
        .map((token) => token.text),
    );
    return this.lowercase;
  }
}

interface Candidate {
  start: number;
  end: number;
  /** True when the passage is the quote's exact text. */
  verbatim: boolean;
  similarity: number;
  prefixSimilarity: number;
  suffixSimilarity: number;
  score: number;
}

function reanchorIn(revision: Revision, selector: QuoteSelector): ReanchorResult {
  const text = revision.text;
  if (selector.exact.trim().length === 0) return { kind: "orphaned", reason: "The quote has no text to look for." };
  const candidates: Candidate[] = [];
  for (let at = text.indexOf(selector.exact); at !== -1; at = text.indexOf(selector.exact, at + 1)) {
    const end = at + selector.exact.length;
    // "900,000 times" inside "1,900,000 times" is not the quote; the fuzzy search below widens it to the number.
    if (keepsTokenEdges(selector, text, at, end)) candidates.push(scored(selector, text, at, end, 0, true));
  }
  if (!candidates.some((candidate) => contextSupport(candidate) >= CONTEXT_SUPPORT)) {
    candidates.push(...fuzzyCandidates(selector, text, candidates));
  }

  const plausible = candidates
    .filter((candidate) => candidate.verbatim || isPlausible(candidate))
    .sort((a, b) => b.score - a.score || Math.abs(a.start - selector.start) - Math.abs(b.start - selector.start));
  const [best, second] = plausible;
  if (!best) return { kind: "orphaned", reason: "No passage of the corrected text is close enough to the quote." };

  const rivalled = second !== undefined && second.score >= best.score - CLOSE_SECOND_MARGIN;
  if (best.verbatim && !rivalled) return { kind: "exact", selector: createQuoteSelector(text, best.start, best.end) };

  const blocking = best.verbatim ? [] : doubts(revision, selector, best);
  const verbatimElsewhere = !best.verbatim && plausible.some((candidate) => candidate.verbatim);
  if (!best.verbatim && blocking.length === 0 && !rivalled && !verbatimElsewhere) {
    const selected = createQuoteSelector(text, best.start, best.end);
    const changed = comparable(selected.exact) !== comparable(selector.exact);
    return { kind: "edited", selector: selected, similarity: round(best.similarity), changed };
  }

  const shown = plausible.slice(0, MAX_SHOWN).map((candidate, index): ReanchorCandidate => {
    const reasons = candidate.verbatim ? verbatimDoubts(candidate) : doubts(revision, selector, candidate);
    if (index === 0 && verbatimElsewhere) reasons.push("the quote's old text still occurs word for word elsewhere");
    if (rivalled && index < 2) {
      reasons.push(`another passage fits almost as well (score ${round(best.score)} against ${round(second.score)})`);
    }
    if (reasons.length === 0)
      reasons.push(`a passage that fits better is also a candidate (score ${round(best.score)})`);
    const found = createQuoteSelector(text, candidate.start, candidate.end);
    return { selector: found, similarity: round(candidate.similarity), score: round(candidate.score), reasons };
  }) as [ReanchorCandidate, ...ReanchorCandidate[]];
  const reason = rivalled
    ? "Two passages fit the quote almost equally well."
    : `The closest passage cannot be applied without a person: ${shown[0].reasons.join("; ")}.`;
  return { kind: "reverify", candidates: shown, reason };
}

/** Whether a fuzzy match is worth a person's look: most of the quote's words, or the quote's old surroundings. */
function isPlausible(candidate: Candidate): boolean {
  return candidate.similarity >= APPLY_QUOTE_SIMILARITY || contextSupport(candidate) >= CONTEXT_SUPPORT;
}

/**
 * Approximate matches of the quote: first near its old position, so the passage where it was is always weighed
 * even when look-alikes elsewhere have fewer edits, then in the whole text, each search masking the passages
 * already found (approx-string-match reports only the matches with the fewest edits). The whole-text searches
 * stop at the first that finds nothing plausible, since each finds passages with more edits than the last.
 */
function fuzzyCandidates(selector: QuoteSelector, text: string, found: readonly Candidate[]): Candidate[] {
  const budget = Math.floor(selector.exact.length * (1 - MIN_QUOTE_SIMILARITY));
  const taken: Array<{ start: number; end: number }> = [...found];
  const candidates: Candidate[] = [];
  const add = (matches: Array<{ start: number; end: number; errors: number }>, offset: number): Candidate[] => {
    const added: Candidate[] = [];
    for (const match of matches) {
      const edges = tidyEdges(selector, text, match.start + offset, match.end + offset);
      if (!edges || taken.some((range) => edges.start < range.end && range.start < edges.end)) continue;
      const edits = editDistance(selector.exact, text.slice(edges.start, edges.end));
      added.push(scored(selector, text, edges.start, edges.end, edits, false));
      taken.push(edges);
    }
    candidates.push(...added);
    return added;
  };

  const from = Math.max(0, selector.start - selector.exact.length - NEIGHBOURHOOD);
  const to = Math.min(text.length, selector.end + selector.exact.length + NEIGHBOURHOOD);
  const near = from < to ? add(search(text.slice(from, to), selector.exact, budget), from) : [];
  // With a plausible passage near the old place, a rival elsewhere matters only if it has most of the quote's
  // words: one with fewer would need the quote's old surroundings too, and would score well below the near one.
  // The tighter budget makes the whole-text searches about four times faster.
  const farBudget = near.some(isPlausible) ? Math.floor(selector.exact.length * (1 - APPLY_QUOTE_SIMILARITY)) : budget;

  const mask = maskCharacter(selector.exact);
  let masked = text;
  for (let round = 0; round < RIVAL_SEARCHES; round++) {
    masked = maskRanges(masked, taken, mask);
    const matches = search(masked, selector.exact, farBudget);
    if (!add(matches, 0).some(isPlausible)) break;
    masked = maskRanges(masked, matches, mask);
  }
  return candidates;
}

function scored(
  selector: QuoteSelector,
  text: string,
  start: number,
  end: number,
  edits: number,
  verbatim: boolean,
): Candidate {
  const similarity = Math.max(0, 1 - edits / Math.max(selector.exact.length, end - start));
  const prefixSimilarity = contextSimilarity(
    selector.prefix,
    text.slice(Math.max(0, start - selector.prefix.length), start),
  );
  const suffixSimilarity = contextSimilarity(selector.suffix, text.slice(end, end + selector.suffix.length));
  const position = 1 - Math.min(1, Math.abs(start - selector.start) / Math.max(1, text.length));
  const score =
    (WEIGHT.quote * similarity +
      WEIGHT.prefix * prefixSimilarity +
      WEIGHT.suffix * suffixSimilarity +
      WEIGHT.position * position) /
    TOTAL_WEIGHT;
  return { start, end, verbatim, similarity, prefixSimilarity, suffixSimilarity, score };
}

/** How well the text beside a candidate matches the quote's old context; an empty old context is an edge of the text. */
function contextSimilarity(expected: string, actual: string): number {
  if (expected.length === 0) return actual.length === 0 ? 1 : 0.5;
  const [best] = search(actual, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}

function contextSupport(candidate: Candidate): number {
  return Math.max(candidate.prefixSimilarity, candidate.suffixSimilarity);
}

/** Why a fuzzy match cannot be applied without a person; empty when it can. */
function doubts(revision: Revision, selector: QuoteSelector, candidate: Candidate): string[] {
  const reasons: string[] = [];
  if (candidate.similarity < APPLY_QUOTE_SIMILARITY) {
    reasons.push(
      `only ${percent(candidate.similarity)} of the quote's text matches (${percent(APPLY_QUOTE_SIMILARITY)} needed)`,
    );
  }
  if (contextSupport(candidate) < CONTEXT_SUPPORT) reasons.push("the words around it are not the quote's old context");
  const old = selector.prefix + selector.exact + selector.suffix;
  const before = wordsOf(old, selector.prefix.length, selector.prefix.length + selector.exact.length);
  const after = wordsOf(revision.text, candidate.start, candidate.end);
  const numbers = difference(before.numbers, after.numbers);
  if (numbers) reasons.push(`a number changed: ${numbers}`);
  // A capitalised word opening a sentence ("The", "Six") is a name only if the text never writes it in lower case.
  const isName = (word: Word) => {
    const lower = word.text.toLowerCase();
    return !word.opensSentence || !(revision.lowercaseWords.has(lower) || before.lowercase.has(lower));
  };
  const names = difference(before.capitalised.filter(isName), after.capitalised.filter(isName));
  if (names) reasons.push(`a name changed: ${names}`);
  return reasons;
}

function verbatimDoubts(candidate: Candidate): string[] {
  return contextSupport(candidate) < CONTEXT_SUPPORT ? ["the same words, away from the quote's old context"] : [];
}

interface Word {
  text: string;
  /** The form compared: quote marks straightened, thousands separators and a possessive "'s" dropped. */
  key: string;
  opensSentence: boolean;
}

const NUMBER_WORDS = new Set(
  (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen " +
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion " +
    "dozen dozens hundreds thousands millions billions half percent"
  ).split(" "),
);

/** The numerals (digits or number words) and capitalised words of text[start, end). */
function wordsOf(
  text: string,
  start: number,
  end: number,
): { numbers: Word[]; capitalised: Word[]; lowercase: Set<string> } {
  const numbers: Word[] = [];
  const capitalised: Word[] = [];
  const lowercase = new Set<string>();
  for (const token of tokens(text.slice(start, end))) {
    const lower = token.text.toLowerCase();
    const key = comparable(token.text).replace(/'s$/i, "");
    const word = { text: token.text, key, opensSentence: opensSentence(text, start + token.index) };
    if (/\p{N}/u.test(token.text)) numbers.push({ ...word, key: key.replace(/,/g, "") });
    else if (NUMBER_WORDS.has(lower)) numbers.push({ ...word, key: lower });
    else if (/^\p{Lu}/u.test(token.text)) capitalised.push(word);
    else lowercase.add(lower);
  }
  return { numbers, capitalised, lowercase };
}

/** "removed → added" for the words one list has more often than the other, or null when they agree. */
function difference(before: Word[], after: Word[]): string | null {
  const counts = new Map<string, number>();
  for (const word of before) counts.set(word.key, (counts.get(word.key) ?? 0) + 1);
  for (const word of after) counts.set(word.key, (counts.get(word.key) ?? 0) - 1);
  const removed = unique(before.filter((word) => (counts.get(word.key) ?? 0) > 0).map((word) => word.text));
  const added = unique(after.filter((word) => (counts.get(word.key) ?? 0) < 0).map((word) => word.text));
  if (removed.length === 0 && added.length === 0) return null;
  return `${removed.join(", ") || "(nothing)"} → ${added.join(", ") || "(nothing)"}`;
}

const TOKEN = /[\p{L}\p{N}\p{M}]+(?:[’',.-][\p{L}\p{N}\p{M}]+)*/gu;

function tokens(text: string): Array<{ text: string; index: number }> {
  return [...text.matchAll(TOKEN)].map((match) => ({ text: match[0], index: match.index }));
}

/** Whether the word at `at` opens a sentence or paragraph (behind it, past spaces and opening quotes: . ! ? : or nothing). */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[\s“‘"'(\[«]/u.test(text[i] ?? "")) {
    if (text[i] === "\n") return true;
    i--;
  }
  return i < 0 || /[.!?:…]/u.test(text[i] ?? "");
}

const isWordCharacter = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}\p{M}]/u.test(char);
const isDigit = (char: string | undefined) => char !== undefined && /\p{N}/u.test(char);

/** Whether offset `at` falls inside a word or number ("Ratcl|iffe", "1,|900", "1|,900", "wasn|’t"). */
function cutsToken(text: string, at: number): boolean {
  const before = text[at - 1];
  const after = text[at];
  if (isWordCharacter(before) && isWordCharacter(after)) return true;
  if ((before === "," || before === ".") && isDigit(text[at - 2]) && isDigit(after)) return true;
  if ((after === "," || after === ".") && isDigit(before) && isDigit(text[at + 1])) return true;
  if ((before === "’" || before === "'") && isWordCharacter(text[at - 2]) && isWordCharacter(after)) return true;
  return (after === "’" || after === "'") && isWordCharacter(before) && isWordCharacter(text[at + 1]);
}

/** Whether a passage starts and ends on word edges wherever the quote did. */
function keepsTokenEdges(selector: QuoteSelector, text: string, start: number, end: number): boolean {
  const old = selector.prefix + selector.exact + selector.suffix;
  const startsClean = !cutsToken(old, selector.prefix.length);
  const endsClean = !cutsToken(old, selector.prefix.length + selector.exact.length);
  return !(startsClean && cutsToken(text, start)) && !(endsClean && cutsToken(text, end));
}

/**
 * A match's edges put where the quote's are: kept inside one paragraph when the quote was, without leading or
 * trailing punctuation and whitespace the quote lacks, and moved out to the end of a word or number they cut, so
 * "900,000" matched inside "1,900,000" is compared as the whole number. Null when no word is left.
 */
function tidyEdges(
  selector: QuoteSelector,
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  if (!selector.exact.includes("\n")) {
    let longest = { start, end: start };
    for (let from = start; from <= end;) {
      const lineEnd = text.indexOf("\n", from);
      const to = lineEnd === -1 || lineEnd > end ? end : lineEnd;
      if (to - from > longest.end - longest.start) longest = { start: from, end: to };
      from = to + 1;
    }
    ({ start, end } = longest);
  }
  if (isWordCharacter(selector.exact[0])) while (start < end && !isWordCharacter(text[start])) start++;
  else if (!/^\s/.test(selector.exact)) while (start < end && /\s/.test(text[start] ?? "")) start++;
  if (isWordCharacter(selector.exact.at(-1))) while (end > start && !isWordCharacter(text[end - 1])) end--;
  else if (!/\s$/.test(selector.exact)) while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  if (!tokens(text.slice(start, end)).length) return null;
  const old = selector.prefix + selector.exact + selector.suffix;
  if (!cutsToken(old, selector.prefix.length)) {
    for (let moved = 0; moved < MAX_SNAP && start > 0 && cutsToken(text, start); moved++) start--;
  }
  if (!cutsToken(old, selector.prefix.length + selector.exact.length)) {
    for (let moved = 0; moved < MAX_SNAP && end < text.length && cutsToken(text, end); moved++) end++;
  }
  return { start, end };
}

/** Levenshtein distance: insertions, deletions and substitutions of UTF-16 code units, as approx-string-match counts. */
function editDistance(a: string, b: string): number {
  let previous = Uint32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/** A character the quote does not contain, to blank out passages already found without moving offsets. */
function maskCharacter(exact: string): string {
  let code = 0xe000;
  while (exact.includes(String.fromCharCode(code))) code++;
  return String.fromCharCode(code);
}

function maskRanges(text: string, ranges: ReadonlyArray<{ start: number; end: number }>, mask: string): string {
  let out = text;
  for (const { start, end } of ranges)
    out = out.slice(0, start) + mask.repeat(Math.max(0, end - start)) + out.slice(end);
  return out;
}

function comparable(text: string): string {
  return normaliseForComparison(text).text.trim();
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
