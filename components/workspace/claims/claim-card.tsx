"use client";

import { ClaimDecision } from "@/components/review/claim-decision";
import { ConfirmInPlace } from "@/components/ui/confirm-in-place";
import { plural } from "@/components/ui/plural";
import { actorOf, useStoryDoc, useWorkspace } from "@/components/workspace/workspace-context";
import type { ClaimStatus } from "@/lib/claims/claim-schema";
import { chooseReanchorCandidate } from "@/lib/claims/quote-corrections";
import { addComment, deleteClaim, removeQuote, setClaimStatusAsEditor } from "@/lib/claims/story-claims";
import { outletKey } from "@/lib/sources/source-label";
import { AssignmentPicker, ClaimAssignee } from "./assignment-picker";
import { ClaimStatusBadge } from "./claim-status-badge";
import { ClaimThread } from "./claim-thread";
import { QuoteCard } from "./quote-card";
import type { Watcher } from "./use-claim-watchers";
import type { PlacedClaim } from "./use-claims";

/**
 * One claim in the claims panel: its words and status; when active, its quotes, thread and actions, which
 * change the story's live document.
 */
export function ClaimCard({ claim, watchers }: { claim: PlacedClaim; watchers: Watcher[] }) {
  const {
    storyId,
    user,
    people,
    sourcesById,
    review: storyReview,
    refreshReview,
    activeClaimId,
    selectClaim,
  } = useWorkspace();
  const { doc } = useStoryDoc();
  // The server's review of the claim; its status is the one that counts.
  const review = storyReview?.claims.get(claim.id);
  const active = claim.id === activeClaimId;
  const onSelect = () => selectClaim(active ? null : claim.id);
  const onStatus = (status: ClaimStatus) => setClaimStatusAsEditor(doc, claim.id, status);
  const onComment = (body: string) =>
    addComment(doc, claim.id, {
      id: crypto.randomUUID(),
      body,
      author: actorOf(user),
      createdAt: new Date().toISOString(),
    });
  /** Deletes the claim for everyone; its words stay in the summary. */
  const onDelete = () => {
    deleteClaim(doc, claim.id);
    selectClaim(null);
  };
  const status = review?.status ?? claim.status;
  const outlets = new Set(
    claim.quotes.map((quote) => {
      const source = sourcesById.get(quote.sourceId);
      return source ? outletKey(source) : quote.sourceId;
    }),
  );
  return (
    <li
      className={`rounded-lg border bg-white shadow-sm ${active ? "border-stone-900" : "border-stone-200"}`}
      data-testid="claim-card"
      data-claim-id={claim.id}
    >
      <button
        type="button"
        onClick={onSelect}
        aria-expanded={active}
        className="w-full rounded-lg p-3 text-left hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <span className="flex flex-wrap items-center gap-2">
          <ClaimStatusBadge status={status} />
          <span className="text-xs text-stone-500">
            {plural(claim.quotes.length, "quote")} · {plural(outlets.size, "outlet")}
          </span>
          <ClaimAssignee claimId={claim.id} />
          {watchers.length > 0 ? (
            <span className="flex items-center gap-1 text-xs text-stone-500" data-testid="claim-watchers">
              {watchers.map((watcher) => (
                <span
                  key={watcher.name}
                  className="rounded-full px-1.5 py-0.5 text-white"
                  style={{ backgroundColor: watcher.color }}
                >
                  {watcher.name}
                </span>
              ))}
              looking
            </span>
          ) : null}
        </span>
        {claim.span === null ? (
          <span className="mt-1 block text-sm italic text-red-800" data-testid="claim-text">
            Detached: the words of this claim were deleted from the summary.
          </span>
        ) : (
          <span className="mt-1 block font-serif text-stone-900" data-testid="claim-text">
            “{claim.span.text}”
          </span>
        )}
      </button>
      {active ? (
        <div className="space-y-3 border-t border-stone-100 p-3">
          <div className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
            Marked by {claim.createdBy.name}
            {status === "draft" ? (
              <button
                type="button"
                onClick={() => onStatus("needs_review")}
                className="ml-auto rounded bg-sky-700 px-2.5 py-1 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
              >
                Request review
              </button>
            ) : null}
            {status === "needs_review" && claim.status === "needs_review" ? (
              <button
                type="button"
                onClick={() => onStatus("draft")}
                className="ml-auto rounded border border-stone-300 px-2.5 py-1 text-sm hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
              >
                Back to draft
              </button>
            ) : null}
          </div>
          <AssignmentPicker claimId={claim.id} />
          <ClaimDecision storyId={storyId} claimId={claim.id} review={review} onDecided={refreshReview} />
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">Evidence</h3>
            {claim.quotes.length === 0 ? (
              <p className="mt-1 text-sm text-stone-500">
                No quotes yet. Select a passage in a source and choose “Add as evidence”.
              </p>
            ) : (
              <ul className="mt-1 space-y-2">
                {claim.quotes.map((quote) => (
                  <QuoteCard
                    key={quote.id}
                    quote={quote}
                    onRemove={() => removeQuote(doc, claim.id, quote.id)}
                    onChooseCandidate={(candidate) => chooseReanchorCandidate(doc, claim.id, quote.id, candidate)}
                  />
                ))}
              </ul>
            )}
          </div>
          <ClaimThread comments={claim.comments} people={people} you={actorOf(user)} onComment={onComment} />
          <ConfirmInPlace
            trigger="Delete claim…"
            triggerClassName="text-xs text-red-800 underline hover:text-red-900 focus-visible:outline-2 focus-visible:outline-blue-600"
            label="Delete this claim"
            message={`Delete this claim with its ${plural(claim.quotes.length, "quote")} and ${plural(claim.comments.length, "comment")}, for everyone? Its words stay in the summary.`}
            action="Delete claim"
            onConfirm={onDelete}
          />
        </div>
      ) : null}
    </li>
  );
}
