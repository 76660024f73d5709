"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "./send-json";
import type { WorkspaceSource } from "./workspace-source";

/**
 * "Remove", confirmed in place: takes a source imported by mistake out of the story. The server refuses while
 * quotes rest on it and says how many.
 */
export function SourceRemoval({
  storyId,
  source,
  onRemoved,
}: {
  storyId: string;
  source: WorkspaceSource;
  onRemoved: (message: string) => void;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = source.headline ? `“${source.headline}”` : (source.outlet ?? "this source");

  async function remove() {
    setPending(true);
    const result = await sendJson(`/api/stories/${encodeURIComponent(storyId)}/sources/${encodeURIComponent(source.id)}`, undefined, "DELETE");
    setPending(false);
    if (!result.ok) return setError(result.error);
    setConfirming(false);
    router.refresh();
    onRemoved(`Removed ${name}.`);
  }

  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded px-2 py-0.5 text-red-800 underline hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        Remove
      </button>
    );
  }
  return (
    <div role="group" aria-label="Remove this source" className="mt-2 w-full space-y-2 rounded border border-red-200 bg-red-50 p-2 text-sm">
      <p className="text-red-900">
        Remove {name} from this story, with its revisions? Published versions keep what they quoted.
      </p>
      {error ? (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="button"
          onClick={remove}
          disabled={pending}
          className="rounded bg-red-700 px-2.5 py-1 font-medium text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50"
        >
          {pending ? "Removing…" : "Remove source"}
        </button>
        <button
          type="button"
          onClick={() => {
            setConfirming(false);
            setError(null);
          }}
          autoFocus
          className="rounded px-2.5 py-1 text-stone-700 hover:bg-white focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          Keep it
        </button>
      </div>
    </div>
  );
}
