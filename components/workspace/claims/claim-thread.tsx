"use client";

import { useState, type FormEvent } from "react";
import { ErrorText } from "@/components/ui/error-text";
import type { ClaimComment } from "@/lib/claims/claim-schema";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** A claim's comment thread and a form to add to it. */
export function ClaimThread({ comments, onComment }: { comments: ClaimComment[]; onComment: (body: string) => void }) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = body.trim();
    if (!text) {
      setError("Write a comment first.");
      return;
    }
    if (text.length > 4_000) {
      setError("A comment can be at most 4,000 characters.");
      return;
    }
    onComment(text);
    setBody("");
    setError(null);
  }

  return (
    <div>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">Comments ({comments.length})</h3>
      <ul className="mt-1 space-y-1.5" data-testid="claim-comments">
        {comments.map((comment) => (
          <li key={comment.id} className="text-sm">
            <span className="font-medium">{comment.author.name}</span>{" "}
            <span className="text-xs text-stone-400">{timeFormat.format(new Date(comment.createdAt))}</span>
            <p className="whitespace-pre-wrap text-stone-800">{comment.body}</p>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="mt-2 flex items-start gap-2">
        <label className="sr-only" htmlFor="claim-comment">
          Comment on this claim
        </label>
        <textarea
          id="claim-comment"
          value={body}
          onChange={(event) => setBody(event.target.value)}
          rows={2}
          placeholder="Comment on this claim"
          className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600"
        />
        <button
          type="submit"
          className="rounded bg-stone-800 px-2.5 py-1 text-sm text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          Comment
        </button>
      </form>
      {error ? <ErrorText className="mt-1 text-sm">{error}</ErrorText> : null}
    </div>
  );
}
