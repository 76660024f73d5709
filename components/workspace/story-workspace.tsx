"use client";

import { useMemo, useState } from "react";
import { PublishPanel } from "@/components/review/publish-panel";
import { useStoryReview } from "@/components/review/use-story-review";
import { Alert } from "@/components/ui/alert";
import { AssistantPanel } from "./assistant/assistant-panel";
import { StoryFlags } from "./assistant/story-flags";
import { useAssistant } from "./assistant/use-assistant";
import { ClaimsPanel } from "./claims/claims-panel";
import type { MentionablePerson } from "./claims/mention-textarea";
import { useClaims } from "./claims/use-claims";
import { ConnectionStatus } from "./connection-status";
import { PresenceBar } from "./presence-bar";
import { SourceReader } from "./sources/source-reader";
import { useSourceRevisions } from "./sources/use-source-revisions";
import { SummaryEditor } from "./summary/summary-editor";
import { useStoryCollab } from "./use-story-collab";
import { actorOf, WorkspaceContext, type Workspace, type WorkspaceUser } from "./workspace-context";
import type { WorkspaceSource } from "@/lib/sources/workspace-source";

/**
 * The live workspace of a story: who is here, the summary everyone edits together with its claims
 * highlighted, the claims panel, and the source reader that attaches quotes to the active claim. It opens the
 * story's document and shares it, with the review, the sources and the selected claim, through
 * WorkspaceContext.
 */
export function StoryWorkspace({
  storyId,
  storySlug,
  user,
  people,
  initialClaimId = null,
  sources,
  perspectives,
}: {
  storyId: string;
  storySlug: string;
  user: WorkspaceUser;
  /** The newsroom's people a comment may mention. */
  people: MentionablePerson[];
  /** The claim to select when the workspace opens (a notification's link names one). */
  initialClaimId?: string | null;
  sources: WorkspaceSource[];
  /** The Perspectives of the story's aggregator page, if one was imported. */
  perspectives: string[];
}) {
  const { collab, status, synced, error } = useStoryCollab(storyId);
  const claims = useClaims(collab?.doc ?? null);
  useSourceRevisions(storyId, collab?.doc ?? null, synced, sources, claims);
  const { review, refresh: refreshReview } = useStoryReview(storyId, collab?.doc ?? null);
  const [activeClaimId, setActiveClaimId] = useState<string | null>(initialClaimId);
  const sourcesById = useMemo(() => new Map(sources.map((source) => [source.id, source])), [sources]);
  const activeClaim = claims.find((claim) => claim.id === activeClaimId) ?? null;
  const assistant = useAssistant(collab?.doc ?? null, sources, actorOf(user));

  const workspace: Workspace = {
    storyId,
    storySlug,
    user,
    people,
    collab,
    review,
    refreshReview,
    sources,
    sourcesById,
    claims,
    activeClaimId,
    activeClaim,
    selectClaim: setActiveClaimId,
  };

  return (
    <WorkspaceContext value={workspace}>
      {review?.canPublish ? <PublishPanel /> : null}
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
            {error ? <Alert className="mt-3">{error}</Alert> : null}
            <div className="mt-3 rounded-lg border border-stone-200 bg-white px-6 py-4 shadow-sm">
              {collab ? (
                <>
                  {synced ? null : (
                    <p className="mb-2 text-sm text-stone-500">
                      {error ? "Not connected: nothing typed here now is saved." : "Loading the latest draft…"}
                    </p>
                  )}
                  <SummaryEditor highlights={assistant.highlights} />
                </>
              ) : (
                <p className="text-sm text-stone-500">
                  {error ? "The summary is not available." : "Opening the summary…"}
                </p>
              )}
            </div>
          </section>
          {collab ? <StoryFlags view={assistant} /> : null}
          {collab ? <ClaimsPanel /> : null}
        </div>
        {/* One screen high and scrolling on its own, so the sources stay in reach below the assistant. */}
        <div className="min-w-0 space-y-6 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto lg:pr-1">
          <AssistantPanel view={assistant} />
          <SourceReader perspectives={perspectives} />
        </div>
      </div>
    </WorkspaceContext>
  );
}
