"use client";

import { useState, type FormEvent } from "react";
import { ErrorText } from "@/components/ui/error-text";
import type { ClaimComment } from "@/lib/claims/claim-schema";
import { commentPieces, encodeMentions } from "@/lib/mentions/mention-tokens";
import { MentionTextarea, type MentionablePerson } from "./mention-textarea";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** A comment's body as text, each mention as "@Name" (never as HTML). */
function CommentBody({ body, names }: { body: string; names: ReadonlyMap<string, string> }) {
  return (
    <p className="whitespace-pre-wrap text-stone-800">
      {commentPieces(body).map((piece, index) =>
        "text" in piece ? (
          piece.text
        ) : (
          <span key={index} className="font-medium text-blue-800" data-testid="comment-mention">
            @{names.get(piece.personId) ?? "someone"}
          </span>
        ),
      )}
    </p>
  );
}

/**
 * A claim's comment thread and a form to add to it; "@" in the comment box offers the newsroom's people, and a
 * picked person is stored as a mention by id (lib/mentions/mention-tokens.ts), which tells them.
 */
export function ClaimThread({
  comments,
  people,
  you,
  onComment,
}: {
  comments: ClaimComment[];
  /** Whom a comment may mention: everyone but `you`. */
  people: readonly MentionablePerson[];
  /** The person writing, whose name a mention of them shows too. */
  you: MentionablePerson;
  onComment: (body: string) => void;
}) {
  const [body, setBody] = useState("");
  const [picked, setPicked] = useState<MentionablePerson[]>([]);
  const [error, setError] = useState<string | null>(null);
  const names = new Map([...people, you].map((person) => [person.id, person.name]));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = encodeMentions(body.trim(), picked);
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
    setPicked([]);
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
            <CommentBody body={comment.body} names={names} />
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="mt-2 flex items-start gap-2">
        <label className="sr-only" htmlFor="claim-comment">
          Comment on this claim
        </label>
        <MentionTextarea
          id="claim-comment"
          value={body}
          onChange={setBody}
          onPick={(person) => setPicked((previous) => [...previous.filter(({ id }) => id !== person.id), person])}
          people={people}
          placeholder="Comment on this claim (@ to mention)"
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
