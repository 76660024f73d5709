"use client";

import { useRouter } from "next/navigation";
import { ConfirmInPlace } from "@/components/ui/confirm-in-place";
import { sendJson } from "@/components/ui/send-json";
import { useWorkspace } from "@/components/workspace/workspace-context";
import type { WorkspaceSource } from "@/lib/sources/workspace-source";
import { statedOutlet } from "@/lib/sources/source-label";

/**
 * "Remove", confirmed in place: takes a source imported by mistake out of the story. The server refuses while
 * quotes rest on it (and says how many) or a published version quotes it.
 */
export function SourceRemoval({
  source,
  onRemoved,
}: {
  source: WorkspaceSource;
  onRemoved: (message: string) => void;
}) {
  const { storyId } = useWorkspace();
  const router = useRouter();
  const name = source.headline ? `“${source.headline}”` : (statedOutlet(source) ?? "this source");

  async function remove(): Promise<string | null> {
    const result = await sendJson(
      `/api/stories/${encodeURIComponent(storyId)}/sources/${encodeURIComponent(source.id)}`,
      undefined,
      "DELETE",
    );
    if (!result.ok) return result.error;
    router.refresh();
    onRemoved(`Removed ${name}.`);
    return null;
  }

  return (
    <ConfirmInPlace
      trigger="Remove"
      triggerClassName="rounded px-2 py-0.5 text-red-800 underline hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-blue-600"
      label="Remove this source"
      message={`Remove ${name} from this story, with its revisions? A source that quotes rest on, or that a published version quotes, stays.`}
      action="Remove source"
      pendingAction="Removing…"
      onConfirm={remove}
    />
  );
}
