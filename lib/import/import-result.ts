/** What importing an aggregator page did, as the import route answers. */
export interface AggregatorImportResult {
  cardsAdded: number;
  /** Cards whose outlet and headline the story already held. */
  cardsSkipped: number;
  /** Whether the page's summary became the draft's (only when the draft had none). */
  summaryWritten: boolean;
  perspectives: number;
  /** Set when the draft could not be written yet (the collaboration server was away): what happens next. */
  pending?: string;
}

const count = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/** What the editor is told after importing an article: its headline, or where it came from when it has none. */
export function describeArticleImport(headline: string, origin: string): string {
  return `Imported “${headline || origin}”.`;
}

/**
 * What the editor is told after importing an aggregator page, e.g. "4 source cards added · the summary became
 * the draft · 5 perspectives."; a pending draft write is said last, instead of what happened to the summary.
 */
export function describeAggregatorImport(result: AggregatorImportResult): string {
  const { cardsAdded, cardsSkipped, summaryWritten, perspectives, pending } = result;
  return (
    [
      `${count(cardsAdded, "source card")} added`,
      cardsSkipped ? `${cardsSkipped} already in the story` : null,
      summaryWritten
        ? "the summary became the draft"
        : pending
          ? null
          : "the draft already had a summary, so it was kept",
      count(perspectives, "perspective"),
    ]
      .filter(Boolean)
      .join(" · ") + (pending ? `. ${pending}` : ".")
  );
}
