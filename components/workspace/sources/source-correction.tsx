"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { plural } from "@/components/ui/plural";
import { sendJson } from "@/components/ui/send-json";
import { useWorkspace } from "@/components/workspace/workspace-context";
import type { WorkspaceSource } from "@/lib/sources/workspace-source";
import type { SourceCorrectionOutcome } from "@/lib/claims/quote-corrections";

/** What a correction did to the quotes, in the newsroom's words. */
function describeOutcome(revision: number, outcome: SourceCorrectionOutcome | null, pending?: string): string {
  if (!outcome) return pending ?? `Revision ${revision} saved.`;
  const parts = [
    `${plural(outcome.unchanged, "quote")} found unchanged`,
    `${outcome.changed} changed`,
    `${outcome.reverify} to re-verify`,
    `${outcome.orphaned} lost`,
  ];
  const review = outcome.claimsToReview.length
    ? ` ${plural(outcome.claimsToReview.length, "claim")} went back to needs review.`
    : "";
  return `Revision ${revision} saved. Quotes from this source: ${parts.join(", ")}.${review}`;
}

/**
 * Corrects a source's text: the editor edits the whole text and says why; it is stored as the next revision
 * (the old one is kept) and every quote from the source is re-anchored in it.
 */
export function SourceCorrection({
  source,
  onDone,
  onCancel,
}: {
  source: WorkspaceSource;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { storyId } = useWorkspace();
  const router = useRouter();
  // The revision being corrected is the one the form opened on: if someone else saves a correction meanwhile,
  // the text typed here is kept, and the server refuses to overwrite theirs.
  const [basedOn] = useState(source.revision);
  const [text, setText] = useState(source.text);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    const result = await sendJson<{ revision: number; outcome: SourceCorrectionOutcome | null; pending?: string }>(
      `/api/stories/${encodeURIComponent(storyId)}/sources/${encodeURIComponent(source.id)}/revisions`,
      { text, note, basedOn },
    );
    setSaving(false);
    if (!result.ok) return setError(result.error);
    router.refresh();
    onDone(describeOutcome(result.data.revision, result.data.outcome, result.data.pending));
  }

  return (
    <form onSubmit={save} className="space-y-2" aria-label="Correct the source's text" data-testid="source-correction">
      <p className="text-sm text-stone-600">
        Edit the text as the outlet corrected it. It is saved as revision {basedOn + 1}; revision {basedOn} is kept, and
        every quote from this source is found again in the new text.
      </p>
      {source.revision !== basedOn ? (
        <Alert tone="warning">
          Someone else saved revision {source.revision} of this source while you were editing. Copy your changes,
          cancel, and correct the new revision.
        </Alert>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
      <label htmlFor={`${id}-text`} className="sr-only">
        Corrected text
      </label>
      <textarea
        id={`${id}-text`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={16}
        className="w-full rounded border border-stone-300 bg-white px-2 py-1 font-serif text-sm leading-relaxed focus-visible:outline-2 focus-visible:outline-blue-600"
        data-testid="correction-text"
      />
      <label className="block space-y-1 text-sm">
        <span className="font-medium text-stone-700">What was corrected, and why</span>
        <input
          value={note}
          onChange={(event) => setNote(event.target.value)}
          required
          maxLength={2_000}
          placeholder="e.g. NBC News corrected the date of the first videos"
          className="w-full rounded border border-stone-300 bg-white px-2 py-1 focus-visible:outline-2 focus-visible:outline-blue-600"
          data-testid="correction-note"
        />
      </label>
      <div className="flex items-center gap-2">
        <Button variant="primary" type="submit" disabled={saving || note.trim().length === 0}>
          {saving ? "Saving and re-anchoring…" : `Save as revision ${basedOn + 1}`}
        </Button>
        <button
          type="button"
          onClick={onCancel}
          disabled={saving}
          className="rounded px-3 py-1.5 text-sm text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
