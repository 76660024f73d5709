import * as Y from "yjs";
import { reanchorQuotes, type ReanchorResult } from "../anchoring/reanchor";
import type { QuoteSelector } from "../quotes/quote-selector";
import { claimSchema, quoteSchema, type ClaimStatus, type Quote } from "./claim-schema";
import { ClaimOperationError, claimsMap, updateQuote } from "./story-claims";

/** What a correction of a source did to the quotes taken from it. */
export interface SourceCorrectionOutcome {
  /** Quotes found with the same words, where they were or moved. */
  unchanged: number;
  /** Quotes re-anchored to changed words. */
  changed: number;
  /** Quotes with passages that may be them but could not be applied safely: a person must choose. */
  reverify: number;
  /** Quotes that nothing in the new text matches. */
  orphaned: number;
  /** Claims that were approved or rejected and went back to needs review because a quote's words changed. */
  claimsToReview: string[];
}

/** Statuses a changed quote takes a claim out of: a decision on other words no longer holds. */
const DECIDED: ReadonlySet<ClaimStatus> = new Set(["approved", "rejected"]);

/**
 * Re-anchors every quote taken from a source in the source's corrected text (lib/anchoring/reanchor.ts), in
 * one transaction: a quote found again gets its new selector; one whose words changed also sends its claim
 * back to needs review when it was decided; one that needs a person keeps its old selector and is marked
 * `reverify` with the candidate passages, or `orphaned`. A quote that an earlier correction left unsettled is
 * re-anchored from its old selector again. Every quote on the source then records `revision` as the text it
 * was last anchored in. Quotes on other sources are not touched.
 * @example applySourceCorrection(doc, source.id, correctedText, 2) // { unchanged: 3, changed: 1, reverify: 0, orphaned: 0, claimsToReview: ["c1"] }
 */
export function applySourceCorrection(
  doc: Y.Doc,
  sourceId: string,
  correctedText: string,
  revision: number,
): SourceCorrectionOutcome {
  const outcome: SourceCorrectionOutcome = { unchanged: 0, changed: 0, reverify: 0, orphaned: 0, claimsToReview: [] };
  const onSource: Array<{ claim: Y.Map<unknown>; quotes: Y.Array<unknown>; index: number; quote: Quote }> = [];
  claimsMap(doc).forEach((claim) => {
    const quotes = claim instanceof Y.Map ? claim.get("quotes") : null;
    if (!(quotes instanceof Y.Array)) return;
    quotes.toArray().forEach((raw, index) => {
      const quote = quoteSchema.safeParse(raw);
      if (quote.success && quote.data.sourceId === sourceId) onSource.push({ claim, quotes, index, quote: quote.data });
    });
  });
  const results = reanchorQuotes(
    onSource.map(({ quote }) => quote.selector),
    correctedText,
  );

  doc.transact(() => {
    const toReview = new Set<Y.Map<unknown>>();
    onSource.forEach(({ claim, quotes, index, quote }, i) => {
      const result = results[i] as ReanchorResult;
      const next: Quote = { ...settle(quote, result, revision), sourceRevision: revision };
      if (result.kind === "exact" || result.kind === "edited") {
        if (next.selector.exact === quote.selector.exact) outcome.unchanged += 1;
        else {
          outcome.changed += 1;
          toReview.add(claim);
        }
      } else outcome[result.kind] += 1;
      if (JSON.stringify(next) !== JSON.stringify(quote)) {
        quotes.delete(index, 1);
        quotes.insert(index, [next]);
      }
    });
    for (const claim of toReview) {
      const status = claimSchema.shape.status.safeParse(claim.get("status"));
      if (status.success && DECIDED.has(status.data)) {
        claim.set("status", "needs_review" satisfies ClaimStatus);
        outcome.claimsToReview.push(String(claim.get("id")));
      }
    }
  });
  return outcome;
}

function settle(quote: Quote, result: ReanchorResult, revision: number): Quote {
  switch (result.kind) {
    case "exact":
    case "edited":
      return anchoredAt(quote, result.selector);
    case "reverify":
      return {
        ...quote,
        correction: {
          state: "reverify",
          revision,
          reason: result.reason,
          candidates: result.candidates.map(({ selector, similarity, reasons }) => ({ selector, similarity, reasons })),
        },
      };
    case "orphaned":
      return { ...quote, correction: { state: "orphaned", revision, reason: result.reason } };
  }
}

/** The quote at a new selector, with nothing left to settle. */
function anchoredAt(quote: Quote, selector: QuoteSelector): Quote {
  const anchored: Quote = { ...quote, selector };
  delete anchored.correction;
  return anchored;
}

/**
 * Settles a quote marked `reverify` with the candidate passage a person chose: the quote takes its selector.
 * @throws ClaimOperationError when the quote is not waiting for re-verification or has no such candidate.
 */
export function chooseReanchorCandidate(doc: Y.Doc, claimId: string, quoteId: string, candidate: number): void {
  updateQuote(doc, claimId, quoteId, (quote) => {
    const chosen = quote.correction?.state === "reverify" ? quote.correction.candidates[candidate] : undefined;
    if (!chosen) throw new ClaimOperationError(`quote ${quoteId} has no passage ${candidate} to choose`);
    return anchoredAt(quote, chosen.selector);
  });
}
