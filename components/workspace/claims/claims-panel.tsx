"use client";

import type * as Y from "yjs";
import type { ClaimStatus } from "@/lib/claims/claim-schema";
import { chooseReanchorCandidate } from "@/lib/claims/quote-corrections";
import { addComment, deleteClaim, removeQuote, setClaimStatusAsEditor, type Actor } from "@/lib/claims/story-claims";
import { ClaimCard } from "./claim-card";
import type { PlacedClaim } from "./use-claims";
import type { Watcher } from "./use-claim-watchers";
import type { StoryReviewView } from "@/components/review/use-story-review";
import type { WorkspaceSource } from "@/components/workspace/workspace-source";

/** Every claim of the story, live: select one to see its evidence, thread and actions. */
export function ClaimsPanel({
  storyId,
  review,
  onDecided,
  doc,
  user,
  claims,
  activeClaimId,
  watchers,
  sources,
  onSelect,
}: {
  storyId: string;
  review: StoryReviewView | null;
  onDecided: () => Promise<void>;
  doc: Y.Doc;
  user: Actor;
  claims: PlacedClaim[];
  activeClaimId: string | null;
  watchers: Record<string, Watcher[]>;
  sources: Map<string, WorkspaceSource>;
  onSelect: (claimId: string | null) => void;
}) {
  return (
    <section aria-labelledby="claims-heading" className="mt-6">
      <h2 id="claims-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-stone-500">
        Claims ({claims.length})
      </h2>
      {claims.length === 0 ? (
        <p className="text-sm text-stone-600">
          No claims yet. Select words in the summary and choose “Mark as claim” (Ctrl+Alt+C).
        </p>
      ) : (
        <ol className="space-y-2" data-testid="claims-panel">
          {claims.map((claim) => (
            <ClaimCard
              key={claim.id}
              storyId={storyId}
              claim={claim}
              review={review?.claims.get(claim.id)}
              onDecided={onDecided}
              active={claim.id === activeClaimId}
              watchers={watchers[claim.id] ?? []}
              sources={sources}
              onSelect={() => onSelect(claim.id === activeClaimId ? null : claim.id)}
              onStatus={(status: ClaimStatus) => setClaimStatusAsEditor(doc, claim.id, status)}
              onRemoveQuote={(quoteId) => removeQuote(doc, claim.id, quoteId)}
              onChooseCandidate={(quoteId, candidate) => chooseReanchorCandidate(doc, claim.id, quoteId, candidate)}
              onDelete={() => {
                deleteClaim(doc, claim.id);
                onSelect(null);
              }}
              onComment={(body) =>
                addComment(doc, claim.id, {
                  id: crypto.randomUUID(),
                  body,
                  author: user,
                  createdAt: new Date().toISOString(),
                })
              }
            />
          ))}
        </ol>
      )}
    </section>
  );
}
