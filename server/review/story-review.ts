import type * as Y from "yjs";
import { claimSpans, type ClaimSpan } from "../../lib/anchoring/claim-spans";
import type { Claim, Quote } from "../../lib/claims/claim-schema";
import { readClaims } from "../../lib/claims/story-claims";
import { readAuthorship } from "../../lib/story-doc/authorship";
import { createQuoteSelector, type QuoteSelector } from "../../lib/quotes/quote-selector";
import { verifyQuote, type QuoteVerification } from "../../lib/quotes/verify-quote";
import { claimSnapshot, hashClaimSnapshot, type ClaimSnapshot } from "../../lib/review/claim-hash";
import { publishBlockers, type PublishBlocker } from "../../lib/review/publish-readiness";
import { reviewState, verdictSchema, type RecordedDecision, type ReviewState } from "../../lib/review/review-state";
import type { PrismaClient } from "../db/create-prisma";

/** A claim with everything a reviewer or the publisher needs to know about it. */
export interface ReviewedClaim {
  claim: Claim;
  span: ClaimSpan | null;
  snapshot: ClaimSnapshot;
  hash: string;
  review: ReviewState;
  quotes: Array<{
    /** The quote as the document has it, where any editor may have rewritten its context and offsets. */
    quote: Quote;
    outlet: string | null;
    verification: QuoteVerification;
    /**
     * The quote's selector recomputed from its source's current text where it verifies, null where it does
     * not: what the snapshot, the hash and a published version use, never the document's.
     */
    selector: QuoteSelector | null;
  }>;
  /** Ids of everyone who marked, quoted or changed the claim (stamped and recorded by the server, or stated in the document). */
  contributors: Set<string>;
}

/** The review of a story's live document: every claim's effective status and what blocks publishing. */
export interface StoryReview {
  claims: ReviewedClaim[];
  blockers: PublishBlocker[];
}

/**
 * Reviews a story's live document against the recorded decisions and the story's sources: the effective
 * status of each claim (see lib/review/review-state.ts), the verification of each quote with its selector
 * recomputed from the source's current text, and the blockers.
 */
export async function reviewStory(prisma: PrismaClient, storyId: string, doc: Y.Doc): Promise<StoryReview> {
  const [sources, decisions, activities] = await Promise.all([
    prisma.source.findMany({
      where: { storyId },
      select: { id: true, outlet: true, text: true, revision: true, anchoredRevision: true },
    }),
    prisma.claimDecision.findMany({
      where: { storyId },
      orderBy: { decidedAt: "asc" },
      include: { decidedBy: { select: { id: true, name: true } } },
    }),
    prisma.claimActivity.findMany({ where: { storyId }, select: { claimId: true, userId: true } }),
  ]);
  const sourcesById = new Map(sources.map((source) => [source.id, source]));
  // Sources corrected while the collaboration server was unreachable: their quotes are not re-anchored yet.
  const behind = new Set(
    sources.filter((source) => source.anchoredRevision < source.revision).map((source) => source.id),
  );
  // A quote attached from a page that had not yet loaded a correction is measured in the older text.
  const anchoredEarlier = (quote: Quote) =>
    quote.sourceRevision !== undefined && quote.sourceRevision < (sourcesById.get(quote.sourceId)?.revision ?? 0);
  const latest = new Map<string, RecordedDecision>();
  for (const decision of decisions) latest.set(decision.claimId, toRecorded(decision));
  const spans = claimSpans(doc);
  const authorship = readAuthorship(doc);

  const claims = await Promise.all(
    readClaims(doc).map(async (claim): Promise<ReviewedClaim> => {
      const span = spans.get(claim.id) ?? null;
      const quotes = claim.quotes.map((quote) => {
        const source = sourcesById.get(quote.sourceId);
        const verification: QuoteVerification = source
          ? verifyQuote(source.text, quote.selector)
          : { verified: false, reason: "Its source is not in this story." };
        const selector =
          source && verification.verified
            ? createQuoteSelector(source.text, verification.start, verification.end)
            : null;
        return { quote, outlet: source?.outlet ?? null, verification, selector };
      });
      const selectors = new Map(quotes.map(({ quote, selector }) => [quote, selector]));
      const snapshot = claimSnapshot(claim, span, (quote) => selectors.get(quote) ?? null);
      const hash = await hashClaimSnapshot(snapshot);
      // The stamps are in the document the moment a change is applied; the database rows follow a moment later.
      const contributors = new Set([
        claim.createdBy.id,
        ...claim.quotes.map((quote) => quote.addedBy.id),
        ...authorship.contributors(claim.id),
      ]);
      for (const activity of activities) if (activity.claimId === claim.id) contributors.add(activity.userId);
      return {
        claim,
        span,
        snapshot,
        hash,
        review: reviewState(claim.status, hash, latest.get(claim.id) ?? null),
        contributors,
        quotes,
      };
    }),
  );
  const blockers = publishBlockers(
    claims.map((reviewed) => ({
      id: reviewed.claim.id,
      text: reviewed.span?.text ?? null,
      status: reviewed.review.status,
      quotes: reviewed.quotes.map(({ quote, outlet, verification }) => ({
        id: quote.id,
        outlet,
        exact: quote.selector.exact,
        verified: verification.verified,
        reason: verification.verified ? undefined : verification.reason,
        correction:
          quote.correction?.state ?? (behind.has(quote.sourceId) || anchoredEarlier(quote) ? "pending" : undefined),
      })),
    })),
  );
  return { claims, blockers };
}

function toRecorded(decision: {
  decision: string;
  verdict: string | null;
  reason: string;
  claimHash: string;
  snapshot: string;
  decidedAt: Date;
  decidedBy: { id: string; name: string };
}): RecordedDecision {
  return {
    decision: decision.decision === "approved" ? "approved" : "rejected",
    verdict: verdictSchema.nullable().catch(null).parse(decision.verdict),
    reason: decision.reason,
    claimHash: decision.claimHash,
    snapshot: JSON.parse(decision.snapshot) as ClaimSnapshot,
    decidedBy: decision.decidedBy,
    decidedAt: decision.decidedAt.toISOString(),
  };
}
