import type { QuoteSelector } from "./quote-selector";

/** The outcome of checking a quote against its source's text. */
export type QuoteVerification =
  { verified: true; start: number; end: number; exactAtOffsets: boolean } | { verified: false; reason: string };

const QUOTE_MARKS = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g;
const DOUBLE_QUOTE_MARKS = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;

/**
 * Normalises text for verbatim comparison: Unicode NFC, curly quotes to straight ones, dashes to "-",
 * whitespace runs to one space. Returns the text and, for each of its characters, the offset in the input
 * it came from, so a match can be mapped back.
 */
export function normaliseForComparison(text: string): { text: string; origins: number[] } {
  let out = "";
  const origins: number[] = [];
  let previousWasSpace = false;
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    let char = String.fromCodePoint(codePoint).normalize("NFC");
    if (/\s/.test(char)) {
      if (!previousWasSpace) {
        out += " ";
        origins.push(i);
      }
      previousWasSpace = true;
      i += width;
      continue;
    }
    previousWasSpace = false;
    char = char.replace(QUOTE_MARKS, "'").replace(DOUBLE_QUOTE_MARKS, '"').replace(DASHES, "-");
    for (const unit of char) {
      out += unit;
      origins.push(i);
    }
    i += width;
  }
  return { text: out, origins };
}

/**
 * Checks that a quote occurs verbatim in its source: exactly at its offsets, or else, after normalising
 * whitespace, quote marks and dashes on both sides, somewhere in the text (the occurrence nearest its
 * recorded offset wins). Never throws.
 * @example verifyQuote("He said “no” — twice.", { exact: 'said "no" - twice', … }) // verified
 */
export function verifyQuote(sourceText: string, selector: QuoteSelector): QuoteVerification {
  if (sourceText.slice(selector.start, selector.end) === selector.exact) {
    return { verified: true, start: selector.start, end: selector.end, exactAtOffsets: true };
  }
  const needle = normaliseForComparison(selector.exact).text.trim();
  if (needle.length === 0) return { verified: false, reason: "The quote is empty." };
  const haystack = normaliseForComparison(sourceText);
  let best: number | null = null;
  for (let at = haystack.text.indexOf(needle); at !== -1; at = haystack.text.indexOf(needle, at + 1)) {
    const origin = haystack.origins[at] ?? 0;
    if (best === null || Math.abs(origin - selector.start) < Math.abs((haystack.origins[best] ?? 0) - selector.start))
      best = at;
  }
  if (best === null) return { verified: false, reason: "The quote does not occur in the source." };
  const start = haystack.origins[best] ?? 0;
  const lastOrigin = haystack.origins[best + needle.length - 1] ?? start;
  const end = lastOrigin + ((sourceText.codePointAt(lastOrigin) ?? 0) > 0xffff ? 2 : 1);
  return { verified: true, start, end, exactAtOffsets: false };
}
