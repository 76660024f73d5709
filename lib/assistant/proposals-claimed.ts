/** Why a span of the summary is worth checking. */
export type ProposalReasonKind = "number" | "named" | "attribution" | "causal" | "comparative";

/** One reason a span is check-worthy, with the words of the span that show it. */
export interface ProposalReason {
  kind: ProposalReasonKind;
  /** The words as written in the summary ("two", "CIA Director John Ratcliffe", "emphasized"). */
  words: string[];
}

/** A span of the summary the assistant proposes as a claim. */
export interface ClaimProposal {
  /** Stable for the same words at the same place: `proposal-<start>-<end>`. */
  id: string;
  /** Offsets in the summary's plain text (lib/story-doc/summary.ts#summaryText). */
  start: number;
  end: number;
  text: string;
  reasons: ProposalReason[];
}

/** The name of each reason, as the panel shows it. */
export const PROPOSAL_REASON_NAMES: Record<ProposalReasonKind, string> = {
  number: "Number or date",
  named: "Names",
  attribution: "Attributed",
  causal: "Cause or purpose",
  comparative: "Comparison",
};

/**
 * One line saying why a span is worth checking.
 * @example proposalReasonText(proposal) // "Number or date: two · Names: CIA, U.S."
 */
export function proposalReasonText(proposal: Pick<ClaimProposal, "reasons">): string {
  return proposal.reasons
    .map((reason) => `${PROPOSAL_REASON_NAMES[reason.kind]}: ${reason.words.join(", ")}`)
    .join(" · ");
}

/**
 * The proposals that are not a claim yet: a proposal is claimed when an existing claim's span covers at least
 * half of it. Pure and without the language model, so the workspace can filter live as claims are marked.
 */
export function unclaimedProposals(
  proposals: readonly ClaimProposal[],
  claimed: ReadonlyArray<{ start: number; end: number }>,
): ClaimProposal[] {
  return proposals.filter(
    (proposal) =>
      !claimed.some(
        (span) =>
          Math.min(span.end, proposal.end) - Math.max(span.start, proposal.start) >=
          (proposal.end - proposal.start) / 2,
      ),
  );
}
