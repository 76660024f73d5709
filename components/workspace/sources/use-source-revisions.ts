"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type * as Y from "yjs";
import { sendJson } from "@/components/ui/send-json";
import type { PlacedClaim } from "@/components/workspace/claims/use-claims";
import type { WorkspaceSource } from "@/lib/sources/workspace-source";
import { readSourceRevisions, SOURCE_REVISIONS_FIELD } from "@/lib/story-doc/source-revisions";

/** How long to wait before asking again for a re-anchoring that failed. */
const RETRY_MS = 10_000;

/**
 * Keeps the workspace's sources in step with the live draft. When the draft records a source or revision this
 * page has not loaded (someone imported or corrected one), the page reloads its sources, once per revision
 * (the record is written by the collaboration server, but editors can write the document too, so it is a
 * hint, never a loop). When a source's quotes are behind its revision (the collaboration server was down
 * during a correction, or a quote was attached from a page that had not loaded the correction), the page asks
 * the server to re-anchor them, again after a failure. `claims` are the draft's live claims (useClaims).
 */
export function useSourceRevisions(
  storyId: string,
  doc: Y.Doc | null,
  synced: boolean,
  sources: readonly WorkspaceSource[],
  claims: readonly PlacedClaim[],
): void {
  const router = useRouter();
  const refreshed = useRef(new Set<string>());
  const asked = useRef(new Map<string, number>());

  useEffect(() => {
    if (!doc || !synced) return;
    const revisions = doc.getMap(SOURCE_REVISIONS_FIELD);
    const check = () => {
      const loaded = new Map(sources.map((source) => [source.id, source.revision]));
      const unseen = [...readSourceRevisions(doc)]
        .filter(([id, revision]) => revision > (loaded.get(id) ?? 0))
        .map(([id, revision]) => `${id}@${revision}`)
        .filter((key) => !refreshed.current.has(key));
      if (unseen.length > 0) {
        for (const key of unseen) refreshed.current.add(key);
        router.refresh();
      }
    };
    check();
    revisions.observe(check);
    return () => revisions.unobserve(check);
  }, [doc, synced, sources, router]);

  useEffect(() => {
    if (!synced) return;
    // Quotes attached from a page that had not loaded a correction yet are measured in the older text.
    const loaded = new Map(sources.map((source) => [source.id, source.revision]));
    const staleQuotes = new Set(
      claims
        .flatMap((claim) => claim.quotes)
        .filter(
          (quote) => quote.sourceRevision !== undefined && quote.sourceRevision < (loaded.get(quote.sourceId) ?? 0),
        )
        .map((quote) => quote.sourceId),
    );
    for (const source of sources) {
      if (source.anchoredRevision >= source.revision && !staleQuotes.has(source.id)) continue;
      const key = `${source.id}@${source.revision}`;
      if (Date.now() - (asked.current.get(key) ?? -Infinity) < RETRY_MS) continue;
      asked.current.set(key, Date.now());
      void sendJson(
        `/api/stories/${encodeURIComponent(storyId)}/sources/${encodeURIComponent(source.id)}/reanchor`,
      ).then((result) => {
        if (result.ok) router.refresh();
      });
    }
  }, [synced, sources, claims, storyId, router]);
}
