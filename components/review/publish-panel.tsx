"use client";

import Link from "next/link";
import { useState } from "react";
import { ErrorText } from "@/components/ui/error-text";
import { useWorkspace } from "@/components/workspace/workspace-context";

/**
 * For reviewers, in a story's workspace: what blocks publishing, or the button that publishes the next
 * version; nothing until the review has loaded.
 */
export function PublishPanel() {
  const { storyId, storySlug, review, refreshReview: onPublished } = useWorkspace();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  if (!review) return null;
  const next = (review.latestVersion ?? 0) + 1;
  const needsNote = review.latestVersion !== null;

  async function publish() {
    setPending(true);
    setError(null);
    const response = await fetch(`/api/stories/${encodeURIComponent(storyId)}/publish`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(needsNote ? { correctionNote: note } : {}),
    });
    const body = (await response.json().catch(() => ({}))) as {
      number?: number;
      error?: string;
      blockers?: Array<{ message: string }>;
    };
    setPending(false);
    if (!response.ok || !body.number) {
      setError(
        [
          body.error ?? `Publishing failed (HTTP ${response.status}).`,
          ...(body.blockers ?? []).map((b) => b.message),
        ].join(" "),
      );
      return;
    }
    setPublished(body.number);
    setNote("");
    await onPublished();
  }

  return (
    <section
      aria-labelledby="publish-heading"
      className="mb-6 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      data-testid="publish-panel"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="publish-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-500">
          Publish {review.latestVersion ? `· version ${review.latestVersion} is live` : ""}
        </h2>
        <Link href={`/stories/${storySlug}/versions`} className="text-sm text-blue-800 underline">
          Versions and history
        </Link>
      </div>
      {review.blockers.length > 0 ? (
        <div className="mt-2 text-sm">
          <p className="font-medium text-stone-800">Not ready to publish:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-stone-700" data-testid="publish-blockers">
            {review.blockers.map((blocker, index) => (
              <li key={index}>{blocker.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="mt-2 space-y-2 text-sm">
          <p className="text-emerald-800">Every claim is approved and every quote verifies.</p>
          {needsNote ? (
            <label className="block">
              <span className="font-medium">What changed since version {review.latestVersion}?</span>
              <textarea
                value={note}
                onChange={(event) => setNote(event.target.value)}
                rows={2}
                maxLength={2_000}
                className="mt-1 w-full rounded border border-stone-300 px-2 py-1"
              />
            </label>
          ) : null}
          <button
            type="button"
            disabled={pending || (needsNote && note.trim().length === 0)}
            onClick={() => void publish()}
            className="rounded bg-stone-900 px-3 py-1.5 font-medium text-white hover:bg-stone-700 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            Publish version {next}
          </button>
        </div>
      )}
      {published ? (
        <p role="status" className="mt-2 text-sm text-emerald-800">
          Version {published} is published.
        </p>
      ) : null}
      {error ? <ErrorText className="mt-2 text-sm">{error}</ErrorText> : null}
    </section>
  );
}
