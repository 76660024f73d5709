import type { ClaimStatus } from "../claims/claim-schema";

/** What a claim contributes to the decision to publish. */
export interface ClaimReadinessInput {
  id: string;
  /** The claim's words, or null when detached. */
  text: string | null;
  status: ClaimStatus;
  quotes: Array<{
    id: string;
    outlet: string | null;
    exact: string;
    verified: boolean;
    reason?: string;
    /**
     * What a correction of the quote's source left unsettled, if anything: a quote to re-verify, a lost one,
     * or ("pending") a correction whose re-anchoring has not run yet.
     */
    correction?: "reverify" | "orphaned" | "pending";
  }>;
}

/** One reason a story cannot be published yet. */
export type PublishBlocker =
  | { kind: "no_claims" }
  | { kind: "claim_not_approved"; claimId: string; text: string | null; status: ClaimStatus }
  | { kind: "claim_detached"; claimId: string }
  | { kind: "claim_without_evidence"; claimId: string; text: string | null }
  | { kind: "quote_unverified"; claimId: string; quoteId: string; outlet: string | null; exact: string; reason: string }
  | {
      kind: "quote_orphaned" | "quote_reverify" | "quote_reanchor_pending";
      claimId: string;
      quoteId: string;
      outlet: string | null;
      exact: string;
    };

/**
 * Everything that blocks publishing: a story publishes when it has claims, every claim is approved (as
 * recorded), anchored and evidenced, and every quote verifies against its source with nothing left unsettled by
 * a correction of that source. Empty means ready.
 */
export function publishBlockers(claims: readonly ClaimReadinessInput[]): PublishBlocker[] {
  if (claims.length === 0) return [{ kind: "no_claims" }];
  const blockers: PublishBlocker[] = [];
  for (const claim of claims) {
    if (claim.text === null) blockers.push({ kind: "claim_detached", claimId: claim.id });
    if (claim.status !== "approved") {
      blockers.push({ kind: "claim_not_approved", claimId: claim.id, text: claim.text, status: claim.status });
    }
    if (claim.quotes.length === 0)
      blockers.push({ kind: "claim_without_evidence", claimId: claim.id, text: claim.text });
    for (const quote of claim.quotes) {
      if (quote.correction) {
        const kind = (
          { orphaned: "quote_orphaned", reverify: "quote_reverify", pending: "quote_reanchor_pending" } as const
        )[quote.correction];
        blockers.push({ kind, claimId: claim.id, quoteId: quote.id, outlet: quote.outlet, exact: quote.exact });
      } else if (!quote.verified) {
        blockers.push({
          kind: "quote_unverified",
          claimId: claim.id,
          quoteId: quote.id,
          outlet: quote.outlet,
          exact: quote.exact,
          reason: quote.reason ?? "does not verify",
        });
      }
    }
  }
  return blockers;
}

/** A blocker in the words of the newsroom. */
export function describeBlocker(blocker: PublishBlocker): string {
  const claim = (text: string | null) =>
    text ? `“${text.length > 80 ? `${text.slice(0, 77)}…` : text}”` : "A detached claim";
  switch (blocker.kind) {
    case "no_claims":
      return "Mark at least one claim before publishing.";
    case "claim_not_approved":
      return `${claim(blocker.text)} is ${blocker.status.replace("_", " ")}, not approved.`;
    case "claim_detached":
      return "A claim's words were deleted from the summary: remove the claim or mark its words again.";
    case "claim_without_evidence":
      return `${claim(blocker.text)} has no quotes.`;
    case "quote_unverified":
      return `A quote from ${blocker.outlet ?? "a source"} (“${blocker.exact.slice(0, 60)}”) does not verify: ${blocker.reason}`;
    case "quote_orphaned":
      return `A quote from ${blocker.outlet ?? "a source"} (“${blocker.exact.slice(0, 60)}”) was lost when its source was corrected: attach the passage again or remove the quote.`;
    case "quote_reverify":
      return `A quote from ${blocker.outlet ?? "a source"} (“${blocker.exact.slice(0, 60)}”) must be re-verified after a correction of its source.`;
    case "quote_reanchor_pending":
      return `${blocker.outlet ?? "A source"} was corrected, but its quotes (“${blocker.exact.slice(0, 60)}”) have not been found in the new text yet: open the workspace, which finishes it, and try again.`;
  }
}
