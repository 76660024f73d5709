"use client";

import { useMemo, useState } from "react";
import type { Stance } from "@/lib/claims/claim-schema";
import { addQuote } from "@/lib/claims/story-claims";
import { createQuoteSelector } from "@/lib/quotes/quote-selector";
import { verifyQuote } from "@/lib/quotes/verify-quote";
import { AssistantPanel } from "./assistant/assistant-panel";
import { ClaimsPanel } from "./claims/claims-panel";
import { ConnectionStatus } from "./connection-status";
import { PresenceBar } from "./presence-bar";
import { PublishPanel } from "@/components/review/publish-panel";
import { SourceReader, type SourcePassage } from "./sources/source-reader";
import { StoryFlags } from "./assistant/story-flags";
import { SummaryEditor } from "./summary/summary-editor";
import { useAssistant } from "./assistant/use-assistant";
import { useClaimWatchers } from "./claims/use-claim-watchers";
import { useClaims } from "./claims/use-claims";
import { useStoryCollab } from "./use-story-collab";
import { useSourceRevisions } from "./sources/use-source-revisions";
import { useStoryReview } from "@/components/review/use-story-review";
import type { WorkspaceSource } from "./workspace-source";

/**
 * The live workspace of a story: who is here, the summary everyone edits together with its claims
 * highlighted, the claims panel, and the source reader that attaches quotes to the active claim.
 */
export function StoryWorkspace({
  storyId,
  storySlug,
  user,
  sources,
  perspectives,
}: {
  storyId: string;
  storySlug: string;
  user: { id: string; name: string; color: string };
  sources: WorkspaceSource[];
  /** The Perspectives of the story's aggregator page, if one was imported. */
  perspectives: string[];
}) {
  const { collab, status, synced, error } = useStoryCollab(storyId);
  const claims = useClaims(collab?.doc ?? null);
  useSourceRevisions(storyId, collab?.doc ?? null, synced, sources, claims);
  const { review, refresh: refreshReview } = useStoryReview(storyId, collab?.doc ?? null);
  // Highlights show the status that counts: the server's, from recorded decisions, once it is known.
  const claimStatuses = useMemo(
    () => new Map(claims.map((claim) => [claim.id, review?.claims.get(claim.id)?.status ?? claim.status])),
    [claims, review],
  );
  const [activeClaimId, setActiveClaimId] = useState<string | null>(null);
  const watchers = useClaimWatchers(collab?.provider.awareness ?? null, activeClaimId);
  const sourcesById = useMemo(() => new Map(sources.map((source) => [source.id, source])), [sources]);
  const activeClaim = claims.find((claim) => claim.id === activeClaimId) ?? null;

  const actor = { id: user.id, name: user.name };
  const assistant = useAssistant(collab?.doc ?? null, sources, actor);

  function addEvidence(passage: SourcePassage, stance: Stance, note: string): string | null {
    const source = sourcesById.get(passage.sourceId);
    if (!collab || !activeClaim || !source) return "Select or mark a claim in the summary first.";
    const selector = createQuoteSelector(source.text, passage.start, passage.end);
    const verification = verifyQuote(source.text, selector);
    if (!verification.verified) return `This passage cannot be saved as evidence: ${verification.reason}`;
    addQuote(collab.doc, activeClaim.id, {
      id: crypto.randomUUID(),
      sourceId: source.id,
      selector,
      stance,
      note,
      addedBy: actor,
      addedAt: new Date().toISOString(),
      sourceRevision: source.revision,
    });
    return null;
  }

  return (
    <>
      {review?.canPublish ? (
        <PublishPanel storyId={storyId} storySlug={storySlug} review={review} onPublished={refreshReview} />
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="min-w-0">
          <section aria-labelledby="summary-heading">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
              <h2 id="summary-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-500">
                Summary
              </h2>
              <ConnectionStatus status={status} />
            </div>
            {collab ? <PresenceBar awareness={collab.provider.awareness} /> : null}
            {error ? (
              <p role="alert" className="mt-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                {error}
              </p>
            ) : null}
            <div className="mt-3 rounded-lg border border-stone-200 bg-white px-6 py-4 shadow-sm">
              {collab ? (
                <>
                  {synced ? null : (
                    <p className="mb-2 text-sm text-stone-500">
                      {error ? "Not connected: nothing typed here now is saved." : "Loading the latest draft…"}
                    </p>
                  )}
                  <SummaryEditor
                    doc={collab.doc}
                    provider={collab.provider}
                    user={user}
                    claimStatuses={claimStatuses}
                    activeClaimId={activeClaimId}
                    onSelectClaim={setActiveClaimId}
                    highlights={assistant.highlights}
                  />
                </>
              ) : (
                <p className="text-sm text-stone-500">
                  {error ? "The summary is not available." : "Opening the summary…"}
                </p>
              )}
            </div>
          </section>
          {collab ? <StoryFlags view={assistant} claims={claims} onSelectClaim={setActiveClaimId} /> : null}
          {collab ? (
            <ClaimsPanel
              storyId={storyId}
              review={review}
              onDecided={refreshReview}
              doc={collab.doc}
              user={actor}
              claims={claims}
              activeClaimId={activeClaimId}
              watchers={watchers}
              sources={sourcesById}
              onSelect={setActiveClaimId}
            />
          ) : null}
        </div>
        {/* One screen high and scrolling on its own, so the sources stay in reach below the assistant. */}
        <div className="min-w-0 space-y-6 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto lg:pr-1">
          <AssistantPanel
            claim={activeClaim}
            view={assistant}
            onAttach={(passage) => addEvidence(passage, "supports", "")}
          />
          <SourceReader
            storyId={storyId}
            sources={sources}
            perspectives={perspectives}
            activeClaimText={activeClaim?.span?.text ?? null}
            onAddEvidence={addEvidence}
          />
        </div>
      </div>
    </>
  );
}
