"use client";

import { useState, type FormEvent } from "react";
import { ErrorText } from "@/components/ui/error-text";
import { STANCE_TEXT, STANCES, type Stance } from "@/lib/claims/claim-schema";

/** Attaches the selected passage of a source to the active claim, with a stance and an optional note. */
export function EvidenceForm({
  passage,
  activeClaimText,
  onAdd,
  onCancel,
}: {
  passage: string;
  /** The active claim's words, or null when no claim is selected. */
  activeClaimText: string | null;
  onAdd: (stance: Stance, note: string) => string | null;
  onCancel: () => void;
}) {
  const [stance, setStance] = useState<Stance>("supports");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = onAdd(stance, note.trim());
    if (problem) setError(problem);
    else setNote("");
  }

  return (
    <form
      onSubmit={submit}
      aria-label="Add as evidence"
      className="sticky bottom-0 mt-3 space-y-2 rounded-lg border border-stone-300 bg-white p-3 text-sm shadow-md"
      data-testid="evidence-form"
    >
      <p className="line-clamp-3 font-serif text-stone-800">
        <span className="sr-only">Selected passage: </span>“{passage}”
      </p>
      {activeClaimText ? (
        <p className="text-xs text-stone-600">
          For the claim <span className="font-medium">“{activeClaimText}”</span>
        </p>
      ) : (
        <p className="text-xs text-amber-800">Select or mark a claim in the summary first.</p>
      )}
      <fieldset className="flex flex-wrap gap-3">
        <legend className="sr-only">Stance</legend>
        {STANCES.map((value) => (
          <label key={value} className="flex items-center gap-1">
            <input
              type="radio"
              name="stance"
              value={value}
              checked={stance === value}
              onChange={() => setStance(value)}
            />
            {STANCE_TEXT[value]}
          </label>
        ))}
      </fieldset>
      <label className="block">
        <span className="sr-only">Note (optional)</span>
        <input
          type="text"
          value={note}
          maxLength={2_000}
          onChange={(event) => setNote(event.target.value)}
          placeholder="Note (optional)"
          className="w-full rounded border border-stone-300 px-2 py-1 focus-visible:outline-2 focus-visible:outline-blue-600"
        />
      </label>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={!activeClaimText}
          className="rounded bg-stone-900 px-2.5 py-1 font-medium text-white hover:bg-stone-700 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          Add as evidence
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded border border-stone-300 px-2.5 py-1 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
