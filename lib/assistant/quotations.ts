import search from "approx-string-match";
import { diffWords } from "diff";
import { normaliseForComparison } from "../quotes/verify-quote";
import type { EvidenceIndex } from "./evidence-index";
import type { AssistantSource } from "./sources";
import { contentStems, sentencesOf } from "./text-analysis";

/** A passage between quotation marks, with its offsets in the text it was found in. */
export interface Quotation {
  /** The words between the marks. */
  text: string;
  start: number;
  end: number;
}

/** A passage of a source and how a quotation's words differ from it. */
export interface ClosestPassage {
  sourceId: string;
  outlet: string;
  start: number;
  end: number;
  text: string;
  /** Share of the quotation's content words that the passage has too. */
  overlap: number;
  /** Word changes from the quotation to the source's words: "-" left out, "+" put in. */
  differences: Array<{ change: "-" | "+"; words: string }>;
}

/** A quotation that no source has verbatim, with the closest passage when one is close. */
export interface QuotationFlag {
  /** Where the quotation is: "summary" or a source id. */
  in: string;
  quotation: Quotation;
  closest: ClosestPassage | null;
}

/**
 * Quotations shorter than this many words are scare quotes or terms ("dark web", "patriots"), not speech;
 * three words already quote a speaker ("creativity and grit").
 */
export const MIN_QUOTATION_WORDS = 3;
/**
 * Share of a quotation's content words a passage must say, in the same order, to be the same speech quoted
 * differently: half keeps "No adversary had ever posed a more formidable challenge" with "No adversary in
 * the history of our nation has presented a more formidable challenge", and leaves out sentences that
 * merely share a topic.
 */
export const SAME_SPEECH_OVERLAP = 0.5;

const QUOTED = /“([^“”\n]+)”|"([^"\n]+)"/g;
const ELLIPSIS = /(?:…|\.\.\.)/;
const EDGE_PUNCTUATION = /^[\s,.;:!?'"‘’“”-]+|[\s,.;:!?'"‘’“”-]+$/g;

/**
 * The passages of a text between double quotation marks, curly or straight, of at least
 * MIN_QUOTATION_WORDS words, edge punctuation left out. The parts of a quotation cut with an ellipsis
 * are passages of their own.
 * @example quotationsIn('He said “we will not stop now.”') // [{ text: "we will not stop now", start: 9, end: 29 }]
 */
export function quotationsIn(text: string): Quotation[] {
  const found: Quotation[] = [];
  for (const match of text.matchAll(QUOTED)) {
    const inner = match[1] ?? match[2] ?? "";
    const innerStart = (match.index ?? 0) + 1;
    let cursor = 0;
    for (const part of inner.split(ELLIPSIS)) {
      const partAt = inner.indexOf(part, cursor);
      cursor = partAt + part.length;
      const trimmed = part.replace(EDGE_PUNCTUATION, "");
      const start = innerStart + partAt + part.indexOf(trimmed);
      if (trimmed.split(/\s+/).length >= MIN_QUOTATION_WORDS)
        found.push({ text: trimmed, start, end: start + trimmed.length });
    }
  }
  return found;
}

/**
 * Quotations in the summary that no source has verbatim, each with the closest source passage (the
 * sentence that says most of the same words in the same order, narrowed to the best-aligned words) and how
 * the words differ; closest is null when no source says anything like it.
 */
export function checkSummaryQuotations(
  summary: string,
  sources: readonly AssistantSource[],
  index: EvidenceIndex,
): QuotationFlag[] {
  return summaryQuotationCheck(sources, index)(summary);
}

/**
 * checkSummaryQuotations with the sources prepared once (their comparable text and the stems of every
 * sentence), for a caller that checks the summary again on every edit. The index must hold the same sources.
 */
export function summaryQuotationCheck(
  sources: readonly AssistantSource[],
  index: EvidenceIndex,
): (summary: string) => QuotationFlag[] {
  const texts = sources.map(comparableText);
  const candidates = index.sentences.map((entry) => ({
    sourceId: entry.sourceId,
    outlet: entry.outlet,
    start: entry.sentence.start,
    text: entry.sentence.text,
    stems: contentStems(entry.sentence.tokens),
  }));
  return (summary) =>
    quotationsIn(summary)
      .filter((quotation) => !texts.some((text) => text.includes(comparable(quotation.text))))
      .map((quotation) => {
        const closest = closestOf(stemsOf(quotation.text), candidates);
        return {
          in: "summary",
          quotation,
          closest: closest && passage(quotation.text, closest, alignedWords(quotation.text, closest.text)),
        };
      });
}

/**
 * Quotations of each source that another source quotes differently: a quotation not verbatim in any other
 * source, for which another source has a quotation of the same speech that it does not simply contain
 * (quoting fewer words is not misquoting). The index must hold the same sources.
 */
export function checkSourceQuotations(sources: readonly AssistantSource[], index: EvidenceIndex): QuotationFlag[] {
  const quoted = sources.map((source) => {
    const tokens = index.sentences
      .filter((entry) => entry.sourceId === source.id)
      .flatMap((entry) => entry.sentence.tokens);
    return {
      source,
      text: comparableText(source),
      quotations: quotationsIn(source.text).map((quotation) => ({
        quotation,
        // Compared with every other source's quotations: normalised once.
        words: comparable(quotation.text),
        stems: contentStems(tokens.filter((token) => token.start >= quotation.start && token.end <= quotation.end)),
      })),
    };
  });
  const flags: QuotationFlag[] = [];
  for (const { source, quotations } of quoted) {
    const others = quoted.filter((other) => other.source.id !== source.id);
    for (const { quotation, words, stems } of quotations) {
      if (others.some((other) => other.text.includes(words))) continue;
      const candidates = others.flatMap((other) =>
        other.quotations
          .filter((theirs) => !words.includes(theirs.words))
          .map((theirs) => ({
            sourceId: other.source.id,
            outlet: other.source.outlet,
            start: theirs.quotation.start,
            text: theirs.quotation.text,
            stems: theirs.stems,
          })),
      );
      const closest = closestOf(stems, candidates);
      if (closest)
        flags.push({
          in: source.id,
          quotation,
          closest: passage(quotation.text, closest, { start: 0, end: closest.text.length }),
        });
    }
  }
  return flags;
}

interface Candidate {
  sourceId: string;
  outlet: string;
  /** Offset of `text` in its source. */
  start: number;
  text: string;
  /** Content stems in reading order. */
  stems: readonly string[];
}

/**
 * The candidate that says most of the quotation's content words in the same order (the longest common
 * subsequence of stems): at least two of them and SAME_SPEECH_OVERLAP of the quotation's. Word order keeps
 * a title such as "To Take Control of My Fate" apart from the speech "Your fate is in your control".
 */
function closestOf(
  wanted: readonly string[],
  candidates: readonly Candidate[],
): (Candidate & { overlap: number }) | null {
  const wantedSet = new Set(wanted);
  if (wantedSet.size === 0) return null;
  let best: (Candidate & { overlap: number }) | null = null;
  for (const candidate of candidates) {
    let shared = 0;
    for (const stem of new Set(candidate.stems)) if (wantedSet.has(stem)) shared += 1;
    if (shared < 2 || shared / wantedSet.size < SAME_SPEECH_OVERLAP) continue;
    const common = commonSubsequenceLength(wanted, candidate.stems);
    const overlap = common / wanted.length;
    if (common >= 2 && overlap >= SAME_SPEECH_OVERLAP && (!best || overlap > best.overlap))
      best = { ...candidate, overlap };
  }
  return best;
}

function passage(
  quotation: string,
  candidate: Candidate & { overlap: number },
  range: { start: number; end: number },
): ClosestPassage {
  const text = candidate.text.slice(range.start, range.end);
  return {
    sourceId: candidate.sourceId,
    outlet: candidate.outlet,
    start: candidate.start + range.start,
    end: candidate.start + range.end,
    text,
    overlap: candidate.overlap,
    differences: diffWords(comparable(quotation), comparable(text))
      .filter((part) => part.added || part.removed)
      .map((part) => ({ change: part.added ? "+" : "-", words: part.value.trim() })),
  };
}

/**
 * The part of a sentence that lines up best with a quotation (fewest character edits, Myers' algorithm from
 * approx-string-match), widened to whole words; the whole sentence when nothing lines up.
 */
function alignedWords(quotation: string, sentence: string): { start: number; end: number } {
  const needle = comparable(quotation);
  const normalised = normaliseForComparison(sentence);
  // As comparable() does, but one character for one, so that the offsets map back through `origins`.
  const haystack = normalised.text.replaceAll("-", " ").toLowerCase();
  const [match] = search(haystack, needle, needle.length).sort(
    (a, b) => a.errors - b.errors || b.end - b.start - (a.end - a.start),
  );
  if (!match) return { start: 0, end: sentence.length };
  let start = normalised.origins[match.start] ?? 0;
  let end = (normalised.origins[match.end - 1] ?? start) + 1;
  while (start > 0 && /[\p{L}\p{N}'’]/u.test(sentence[start - 1] ?? "")) start -= 1;
  while (end < sentence.length && /[\p{L}\p{N}'’]/u.test(sentence[end] ?? "")) end += 1;
  return { start, end };
}

function commonSubsequenceLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const item of a) {
    const row = [0];
    for (let j = 0; j < b.length; j += 1)
      row.push(item === b[j] ? (previous[j] ?? 0) + 1 : Math.max(previous[j + 1] ?? 0, row[j] ?? 0));
    previous = row;
  }
  return previous[b.length] ?? 0;
}

function stemsOf(text: string): string[] {
  return sentencesOf(text).flatMap((sentence) => contentStems(sentence.tokens));
}

/** Text as the checker compares it: normalised quote marks, dashes and whitespace, hyphens as spaces, lower case. */
/** A source's whole text as comparable() gives it: both quotation checks read it, so it is made once per source. */
const comparableTexts = new WeakMap<AssistantSource, string>();
function comparableText(source: AssistantSource): string {
  let text = comparableTexts.get(source);
  if (text === undefined) {
    text = comparable(source.text);
    comparableTexts.set(source, text);
  }
  return text;
}

function comparable(text: string): string {
  return normaliseForComparison(text).text.replaceAll("-", " ").replace(/ +/g, " ").trim().toLowerCase();
}
