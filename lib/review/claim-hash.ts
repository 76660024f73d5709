import type { ClaimSpan } from "../anchoring/claim-spans";
import type { Claim, Quote, Stance } from "../claims/claim-schema";
import { sha256Hex } from "../hashing/sha256";
import type { QuoteSelector } from "../quotes/quote-selector";

/** What a review decision is about: the claim's words and its quotes, as a reader would see them. */
export interface ClaimSnapshot {
  /** The claim's words, or null when it is detached. */
  text: string | null;
  quotes: Array<{
    id: string;
    sourceId: string;
    exact: string;
    /** The context shown around the quoted words; null when the quote does not verify, so has no trusted context. */
    prefix: string | null;
    suffix: string | null;
    start: number;
    end: number;
    stance: Stance;
    note: string;
  }>;
}

/**
 * The snapshot of a claim as it stands, quotes ordered by id so that the hash does not depend on order.
 * `selectorOf` gives the selector to take for each quote: the server passes the one it recomputed from the
 * source's current text (null for a quote that does not verify), because any editor can write a quote's
 * context and offsets into the document. Without it the document's selectors are taken as they stand, which
 * suits a view of the draft in the browser but never a decision.
 */
export function claimSnapshot(
  claim: Claim,
  span: ClaimSpan | null,
  selectorOf: (quote: Quote) => QuoteSelector | null = (quote) => quote.selector,
): ClaimSnapshot {
  return {
    text: span?.text ?? null,
    quotes: claim.quotes
      .map((quote) => {
        const selector = selectorOf(quote);
        return {
          id: quote.id,
          sourceId: quote.sourceId,
          exact: selector?.exact ?? quote.selector.exact,
          prefix: selector?.prefix ?? null,
          suffix: selector?.suffix ?? null,
          start: selector?.start ?? quote.selector.start,
          end: selector?.end ?? quote.selector.end,
          stance: quote.stance,
          note: quote.note,
        };
      })
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/**
 * SHA-256 (hex) of a claim snapshot in a canonical JSON form. An approval is bound to it, so it covers
 * everything a reader is shown of the claim: its words and, for each quote, its source, words, context
 * (prefix and suffix), stance and note; changing any of them sends the claim back to review. A quote's
 * offsets are left out: a correction that only moves a quoted passage within its source, its context
 * unchanged, does not change what the reviewer approved.
 */
export async function hashClaimSnapshot(snapshot: ClaimSnapshot): Promise<string> {
  const canonical = JSON.stringify([
    snapshot.text,
    snapshot.quotes.map((q) => [q.id, q.sourceId, q.exact, q.prefix, q.suffix, q.stance, q.note]),
  ]);
  return sha256Hex(canonical);
}
