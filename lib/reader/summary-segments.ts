/** A run of a published summary's text, inside a claim or not. */
export interface SummarySegment {
  text: string;
  /** The claim this run belongs to (the innermost, when claims overlap), or null. */
  claimId: string | null;
  /** Whether this run is where its claim begins (the place for the claim's footnote marker). */
  claimStart: boolean;
}

/**
 * Splits a published summary (paragraphs separated by "\n") into paragraphs of runs, each run inside one
 * claim or none, from the claims' plain-text offsets. Where claims overlap, a run belongs to the claim that
 * starts last (the innermost).
 * @example segmentSummary("The CIA released videos.", [{ id: "c1", start: 4, end: 7 }])
 *   // [[{ text: "The ", claimId: null, … }, { text: "CIA", claimId: "c1", claimStart: true }, { text: " released videos.", … }]]
 */
export function segmentSummary(
  summary: string,
  claims: ReadonlyArray<{ id: string; start: number; end: number }>,
): SummarySegment[][] {
  const valid = claims.filter((claim) => 0 <= claim.start && claim.start < claim.end && claim.end <= summary.length);
  const cuts = new Set<number>([0, summary.length]);
  for (const claim of valid) cuts.add(claim.start).add(claim.end);
  for (let i = summary.indexOf("\n"); i !== -1; i = summary.indexOf("\n", i + 1)) cuts.add(i).add(i + 1);
  const points = [...cuts].sort((a, b) => a - b);

  const paragraphs: SummarySegment[][] = [[]];
  const started = new Set<string>();
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i] ?? 0;
    const to = points[i + 1] ?? 0;
    const text = summary.slice(from, to);
    if (text === "\n") {
      paragraphs.push([]);
      continue;
    }
    const covering = valid
      .filter((claim) => claim.start <= from && to <= claim.end)
      .sort((a, b) => b.start - a.start)[0];
    const claimId = covering?.id ?? null;
    const claimStart = claimId !== null && !started.has(claimId);
    if (claimId) started.add(claimId);
    paragraphs.at(-1)?.push({ text, claimId, claimStart });
  }
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}
