import type { AssistClaimInput, ClaimCoverage, FlagWording } from "../assistance";
import type { AssistantSource } from "../sources";

/** A summary wording: the claim's or the summary's words, with emphasis on part of them. */
export function summaryWording(text: string, highlight?: { start: number; end: number }): FlagWording {
  return { sourceId: null, outlet: null, text, ...(highlight ? { highlights: [highlight] } : {}) };
}

/**
 * A source's wording: `text` at `start` in the source's text, with emphasis on `highlights`, which are given
 * as offsets in the source's text.
 */
export function sourceWording(
  source: { sourceId: string; outlet: string },
  text: string,
  start: number,
  highlights: ReadonlyArray<{ start: number; end: number }> = [],
): FlagWording {
  return {
    sourceId: source.sourceId,
    outlet: source.outlet,
    text,
    start,
    end: start + text.length,
    ...(highlights.length > 0
      ? { highlights: highlights.map((range) => ({ start: range.start - start, end: range.end - start })) }
      : {}),
  };
}

/** The name of a quote's source in a flag's words, or "A source" when the assistant does not know it. */
export function outletOf(sourceId: string | undefined, sources: ReadonlyMap<string, AssistantSource>): string {
  return sources.get(sourceId ?? "")?.outlet ?? "A source";
}

/** The wordings of a coverage flag: every supporting quote of the claim, named by the outlet it counts for. */
export function supportingWordings(claim: AssistClaimInput, coverage: ClaimCoverage): FlagWording[] {
  return claim.quotes
    .filter((quote) => quote.stance === "supports")
    .map((quote) =>
      sourceWording(
        {
          sourceId: quote.sourceId,
          outlet: coverage.outlets.find((outlet) => outlet.sourceIds.includes(quote.sourceId))?.outlet ?? "",
        },
        quote.exact,
        quote.start,
      ),
    );
}
