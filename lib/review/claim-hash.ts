import type { ClaimSpan } from "../anchoring/claim-spans";
import type { Claim, Stance } from "../claims/claim-schema";
import { sha256Hex } from "../hashing/sha256";

/** What a review decision is about: the claim's words and its quotes. */
export interface ClaimSnapshot {
  /** The claim's words, or null when it is detached. */
  text: string | null;
  quotes: Array<{ id: string; sourceId: string; exact: string; start: number; end: number; stance: Stance }>;
}

/** The snapshot of a claim as it stands, quotes ordered by id so that the hash does not depend on order. */
export function claimSnapshot(claim: Claim, span: ClaimSpan | null): ClaimSnapshot {
  return {
    text: span?.text ?? null,
    quotes: claim.quotes
      .map((quote) => ({
        id: quote.id,
        sourceId: quote.sourceId,
        exact: quote.selector.exact,
        start: quote.selector.start,
        end: quote.selector.end,
        stance: quote.stance,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/**
 * SHA-256 (hex) of a claim snapshot in a canonical JSON form. An approval is bound to it: changing the
 * claim's words or its quotes (their words, source or stance) changes the hash and sends the claim back to
 * review. A quote's offsets are left out: a correction that only moves a quoted passage within its source
 * does not change what the reviewer approved.
 */
export async function hashClaimSnapshot(snapshot: ClaimSnapshot): Promise<string> {
  const canonical = JSON.stringify([snapshot.text, snapshot.quotes.map((q) => [q.id, q.sourceId, q.exact, q.stance])]);
  return sha256Hex(canonical);
}
