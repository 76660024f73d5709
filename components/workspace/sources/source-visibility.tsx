"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorText } from "@/components/ui/error-text";
import { sendJson } from "@/components/ui/send-json";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { statedOutlet } from "@/lib/sources/source-label";
import type { WorkspaceSource } from "@/lib/sources/workspace-source";

/**
 * "Hide" a source from the workspace, or "Show" a hidden one again: for a source that cannot be removed (a
 * published version quotes it) but should not crowd the list or the assistant. It stays in the story.
 */
export function SourceVisibility({
  source,
  onChanged,
}: {
  source: WorkspaceSource;
  onChanged: (message: string) => void;
}) {
  const { storyId } = useWorkspace();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = source.headline ? `“${source.headline}”` : (statedOutlet(source) ?? "The source");

  async function toggle() {
    setPending(true);
    setError(null);
    const hidden = !source.hidden;
    const result = await sendJson(
      `/api/stories/${encodeURIComponent(storyId)}/sources/${encodeURIComponent(source.id)}`,
      { hidden },
      "PATCH",
    );
    setPending(false);
    if (!result.ok) return setError(result.error);
    router.refresh();
    onChanged(hidden ? `${name} is hidden from the workspace.` : `${name} is shown in the workspace again.`);
  }

  return (
    <>
      <button
        type="button"
        onClick={() => void toggle()}
        disabled={pending}
        className="rounded px-2 py-0.5 text-stone-700 underline hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-60"
      >
        {source.hidden ? "Show in workspace" : "Hide"}
      </button>
      {error ? <ErrorText>{error}</ErrorText> : null}
    </>
  );
}
