"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type * as Y from "yjs";
import { readSourceRevisions } from "@/lib/story-doc/source-revisions";
import { postJson } from "./post-json";
import type { WorkspaceSource } from "./workspace-source";

/**
 * Keeps the workspace's sources in step with the live draft: when the draft records a source or a revision
 * this page has not loaded (someone imported or corrected one), the page reloads its sources; when this page
 * has a revision the draft has not seen (the collaboration server was down during a correction), it asks the
 * server to re-anchor that source's quotes, once per revision.
 */
export function useSourceRevisions(storyId: string, doc: Y.Doc | null, synced: boolean, sources: readonly WorkspaceSource[]): void {
  const router = useRouter();
  const asked = useRef(new Set<string>());
  useEffect(() => {
    if (!doc || !synced) return;
    const check = () => {
      const recorded = readSourceRevisions(doc);
      const loaded = new Map(sources.map((source) => [source.id, source.revision]));
      if ([...recorded].some(([id, revision]) => revision > (loaded.get(id) ?? 0))) router.refresh();
      for (const source of sources) {
        const key = `${source.id}@${source.revision}`;
        if (source.revision > (recorded.get(source.id) ?? 1) && !asked.current.has(key)) {
          asked.current.add(key);
          void postJson(`/api/stories/${encodeURIComponent(storyId)}/sources/${encodeURIComponent(source.id)}/reanchor`);
        }
      }
    };
    check();
    doc.on("update", check);
    return () => doc.off("update", check);
  }, [doc, synced, sources, storyId, router]);
}
