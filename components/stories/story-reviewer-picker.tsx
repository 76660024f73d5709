"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { ErrorText } from "@/components/ui/error-text";
import { sendJson } from "@/components/ui/send-json";

/**
 * The story's reviewer, chosen among the newsroom's reviewers and admins (or no one) with a native select and a
 * Save button; PUT /api/stories/<id>/reviewer records it (and tells the reviewer), then the page reloads its data.
 */
export function StoryReviewerPicker({
  storyId,
  reviewerId,
  reviewers,
}: {
  storyId: string;
  reviewerId: string | null;
  reviewers: Array<{ id: string; name: string }>;
}) {
  const router = useRouter();
  const selectId = useId();
  const [choice, setChoice] = useState(reviewerId ?? "");
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setState("saving");
    const result = await sendJson(
      `/api/stories/${encodeURIComponent(storyId)}/reviewer`,
      { reviewerId: choice === "" ? null : choice },
      "PUT",
    );
    if (!result.ok) {
      setError(result.error);
      setState("idle");
      return;
    }
    setError(null);
    setState("saved");
    router.refresh();
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={selectId} className="text-stone-600">
        Reviewer
      </label>
      <select
        id={selectId}
        value={choice}
        onChange={(event) => {
          setChoice(event.target.value);
          setState("idle");
        }}
        className="rounded border border-stone-300 bg-white px-2 py-1 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <option value="">No one</option>
        {reviewers.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={state === "saving" || choice === (reviewerId ?? "")}
        className="rounded border border-stone-300 px-2.5 py-1 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50"
      >
        {state === "saving" ? "Saving…" : "Save reviewer"}
      </button>
      <span role="status" className="text-xs text-stone-500">
        {state === "saved" ? "Saved." : ""}
      </span>
      {error ? <ErrorText className="w-full">{error}</ErrorText> : null}
    </form>
  );
}
