"use client";

import { useStoryDoc, useWorkspace } from "@/components/workspace/workspace-context";
import { ClaimCard } from "./claim-card";
import { useClaimWatchers } from "./use-claim-watchers";

/** Every claim of the story, live: select one to see its evidence, thread and actions. */
export function ClaimsPanel() {
  const { claims, activeClaimId } = useWorkspace();
  const { provider } = useStoryDoc();
  const watchers = useClaimWatchers(provider.awareness, activeClaimId);
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
            <ClaimCard key={claim.id} claim={claim} watchers={watchers[claim.id] ?? []} />
          ))}
        </ol>
      )}
    </section>
  );
}
