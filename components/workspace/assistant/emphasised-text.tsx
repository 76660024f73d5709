/** Ranges of a text, as offsets in it (0 is its first character). */
type Range = { start: number; end: number };

/**
 * Where whole-word occurrences of the terms lie in a text ("CIA" is not found inside "CIAO"; terms such as
 * "U.S." work, where a regex \b would not).
 */
export function termRanges(text: string, terms: readonly string[]): Range[] {
  if (terms.length === 0) return [];
  const escaped = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** A text with some of its ranges emphasised, as React text (never HTML). Overlapping ranges merge. */
export function EmphasisedText({
  text,
  ranges,
  className,
}: {
  text: string;
  ranges: readonly Range[];
  className: string;
}) {
  const parts: Array<string | { text: string; at: number }> = [];
  let at = 0;
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = Math.max(range.start, at);
    const end = Math.min(range.end, text.length);
    if (end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push({ text: text.slice(start, end), at: start });
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <>
      {parts.map((part) =>
        typeof part === "string" ? (
          part
        ) : (
          <strong key={part.at} className={className}>
            {part.text}
          </strong>
        ),
      )}
    </>
  );
}
