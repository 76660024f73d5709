"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type * as Y from "yjs";
import { readClaims } from "@/lib/claims/story-claims";
import { readSourceRevisions } from "@/lib/story-doc/source-revisions";
import { sendJson } from "./send-json";
import type { WorkspaceSource } from "./workspace-source";

/** How long to wait before asking again for a re-anchoring that failed. */
const RETRY_MS = 10_000;

/**
 * Keeps the workspace's sources in step with the live draft. When the draft records a source or revision this
 * page has not loaded (someone imported or corrected one), the page reloads its sources, once per revision
 * (the record is written by the collaboration server, but editors can write the document too, so it is a
 * hint, never a loop). When a source's quotes are behind its revision (the collaboration server was down
 * during a correction, or a quote was attached from a page that had not loaded the correction), the page asks
 * the server to re-anchor them, again after a failure.
 */
export function useSourceRevisions(storyId: string, doc: Y.Doc | null, synced: boolean, sources: readonly WorkspaceSource[]): void {
  const router = useRouter();
  const refreshed = useRef(new Set<string>());
  const asked = useRef(new Map<string, number>());
  useEffect(() => {
    if (!doc || !synced) return;
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
      // Quotes attached from a page that had not loaded a correction yet are measured in the older text.
      const staleQuotes = new Set(
        readClaims(doc)
          .flatMap((claim) => claim.quotes)
          .filter((quote) => quote.sourceRevision !== undefined && quote.sourceRevision < (loaded.get(quote.sourceId) ?? 0))
          .map((quote) => quote.sourceId),
      );
      for (const source of sources) {
        if (source.anchoredRevision >= source.revision && !staleQuotes.has(source.id)) continue;
        const key = `${source.id}@${source.revision}`;
        if (Date.now() - (asked.current.get(key) ?? -Infinity) < RETRY_MS) continue;
        asked.current.set(key, Date.now());
        void sendJson(`/api/stories/${encodeURIComponent(storyId)}/sources/${encodeURIComponent(source.id)}/reanchor`).then((result) => {
          if (result.ok) router.refresh();
        });
      }
    };
    check();
    doc.on("update", check);
    return () => doc.off("update", check);
  }, [doc, synced, sources, storyId, router]);
}
