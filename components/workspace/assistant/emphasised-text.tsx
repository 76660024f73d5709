/** Ranges of a text, as offsets in it (0 is its first character); a note says why a range is emphasised. */
type Range = { start: number; end: number; note?: string };

/**
 * Where whole-word occurrences of the terms lie in a text ("CIA" is not found inside "CIAO"; terms such as
 * "U.S." work, where a regex \b would not).
 */
function termRanges(text: string, terms: readonly string[]): Range[] {
  if (terms.length === 0) return [];
  const escaped = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/**
 * Where a passage's matched words lie in its text: the claim's own words, and the words that match a claim
 * word by meaning, each with a note naming that claim word.
 */
export function matchRanges(
  text: string,
  passage: { matchedTerms: readonly string[]; meaningMatches: ReadonlyArray<{ term: string; claimWord: string }> },
): Range[] {
  return [
    ...termRanges(text, passage.matchedTerms),
    ...passage.meaningMatches.flatMap((match) =>
      termRanges(text, [match.term]).map((range) => ({ ...range, note: `Close in meaning to “${match.claimWord}”` })),
    ),
  ];
}

/**
 * A text with some of its ranges emphasised, as React text (never HTML). Overlapping ranges merge. A range
 * with a note is underlined with dots and shows the note on hover.
 */
export function EmphasisedText({
  text,
  ranges,
  className,
}: {
  text: string;
  ranges: readonly Range[];
  className: string;
}) {
  const parts: Array<string | { text: string; at: number; note?: string }> = [];
  let at = 0;
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = Math.max(range.start, at);
    const end = Math.min(range.end, text.length);
    if (end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push({ text: text.slice(start, end), at: start, note: range.note });
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <>
      {parts.map((part) =>
        typeof part === "string" ? (
          part
        ) : (
          <strong
            key={part.at}
            className={part.note ? `${className} underline decoration-dotted underline-offset-2` : className}
            title={part.note}
            data-match={part.note ? "meaning" : undefined}
          >
            {part.text}
          </strong>
        ),
      )}
    </>
  );
}
