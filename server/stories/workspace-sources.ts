import "server-only";
import type { WorkspaceSource } from "@/lib/sources/workspace-source";
import type { findStoryWithSources } from "./queries";

/** A story as `findStoryWithSources` reads it, with its sources and their revisions. */
type StoryWithSources = NonNullable<Awaited<ReturnType<typeof findStoryWithSources>>>;

/**
 * A story's sources as its workspace shows them, from the rows `findStoryWithSources` reads: metadata, the
 * full text, and every revision of the text (newest first, who made it or null when the account is gone).
 * Times become ISO strings, so the list can be passed to the workspace in the browser.
 */
export function workspaceSources(sources: StoryWithSources["sources"]): WorkspaceSource[] {
  return sources.map((source) => ({
    id: source.id,
    kind: source.kind,
    outlet: source.outlet,
    url: source.url,
    headline: source.headline,
    author: source.author,
    publishedAt: source.publishedAt?.toISOString() ?? null,
    statedAge: source.statedAge,
    reliabilityLabel: source.reliabilityLabel,
    biasLabel: source.biasLabel,
    text: source.text,
    revision: source.revision,
    anchoredRevision: source.anchoredRevision,
    hidden: source.hiddenAt !== null,
    history: source.revisions.map((revision) => ({
      number: revision.number,
      note: revision.note,
      at: revision.createdAt.toISOString(),
      by: revision.createdBy?.name ?? null,
    })),
  }));
}
