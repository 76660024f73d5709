"use client";

import { useId, useState, type FormEvent } from "react";
import { ErrorText } from "@/components/ui/error-text";
import type { AssistantFlag, FlagKind, FlagSeverity } from "@/lib/assistant/assistance";
import type { Dismissal } from "@/lib/assistant/dismissals";
import { EmphasisedText } from "./emphasised-text";

/** The wording an editor sees for each kind of flag. */
export const FLAG_KIND_TEXT: Record<FlagKind, string> = {
  misquote: "Quotation not in sources",
  claim_discrepancy: "Differs from its quotes",
  single_source: "Single source",
  one_sided: "One-sided",
  citation_needed: "Citation needed",
  attribution_drift: "Attribution dropped",
  source_misquote: "Sources quote differently",
  source_discrepancy: "Sources disagree",
};

/** How much a flag matters, in an editor's words. */
const SEVERITY_TEXT: Record<FlagSeverity, string> = {
  high: "high priority",
  medium: "check before publishing",
  low: "worth a look",
};

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/**
 * One flag of the assistant: its kind, title and detail, each source's wording, and a way to dismiss it
 * with a reason (or, once dismissed, who dismissed it and why, and a way to restore it).
 */
export function FlagCard({
  flag,
  dismissal,
  onDismiss,
  onRestore,
}: {
  flag: AssistantFlag;
  dismissal: Dismissal | undefined;
  onDismiss: (reason: string) => void;
  onRestore: () => void;
}) {
  return (
    <div className="text-sm" data-testid="flag-card" data-flag-id={flag.id} data-flag-kind={flag.kind}>
      <p className="text-xs font-semibold uppercase tracking-wide text-amber-800">
        {FLAG_KIND_TEXT[flag.kind]}{" "}
        <span
          className="font-normal normal-case text-stone-500"
          data-testid="flag-severity"
          data-severity={flag.severity}
        >
          · {SEVERITY_TEXT[flag.severity]}
        </span>
      </p>
      <p className="font-medium text-stone-900" data-testid="flag-title">
        {flag.title}
      </p>
      <p className="mt-0.5 text-stone-600">{flag.detail}</p>
      {flag.wordings.length > 0 ? (
        <ul className="mt-2 space-y-1.5" aria-label="Wordings">
          {flag.wordings.map((wording, index) => (
            <li
              key={`${wording.sourceId ?? "summary"}-${wording.start ?? index}`}
              className="border-l-2 border-stone-200 pl-2"
            >
              <span className="text-xs font-semibold text-stone-700">{wording.outlet ?? "Summary"}</span>
              <span className="block font-serif text-stone-800">
                “
                <EmphasisedText
                  text={wording.text}
                  ranges={wording.highlights ?? []}
                  className="bg-amber-100 font-semibold text-stone-950"
                />
                ”
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {dismissal ? (
        <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-stone-600" data-testid="flag-dismissal">
          <span>
            Dismissed by {dismissal.by.name}, {dateFormat.format(new Date(dismissal.at))}: “{dismissal.reason}”
          </span>
          <button
            type="button"
            onClick={onRestore}
            aria-label={`Restore the flag “${flag.title}”`}
            className="rounded border border-stone-300 bg-white px-2 py-0.5 font-medium text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
          >
            Restore
          </button>
        </div>
      ) : (
        <DismissForm title={flag.title} onDismiss={onDismiss} />
      )}
    </div>
  );
}

/** "Dismiss", then a required reason: a flag is advice, and the reason tells the others why it was set aside. */
function DismissForm({ title, onDismiss }: { title: string; onDismiss: (reason: string) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={`Dismiss the flag “${title}”`}
        className="mt-2 rounded border border-stone-300 bg-white px-2 py-0.5 text-xs font-medium text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        Dismiss…
      </button>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = reason.trim();
    if (text.length === 0) {
      setProblem("Say why this flag does not apply.");
      return;
    }
    try {
      onDismiss(text);
    } catch {
      // The reason is checked above; what remains is a flag id or a person the document does not accept.
      setProblem("The flag could not be dismissed.");
    }
  }

  return (
    <form onSubmit={submit} className="mt-2 space-y-1.5" data-testid="dismiss-form">
      <label htmlFor={inputId} className="block text-xs font-medium text-stone-700">
        Reason for dismissing
      </label>
      <input
        id={inputId}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        required
        maxLength={500}
        autoFocus
        className="w-full rounded border border-stone-300 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600"
      />
      {problem ? <ErrorText className="text-xs">{problem}</ErrorText> : null}
      <div className="flex gap-2">
        <button
          type="submit"
          className="rounded bg-stone-800 px-2.5 py-1 text-xs font-medium text-white hover:bg-stone-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          Dismiss flag
        </button>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            setReason("");
            setProblem(null);
          }}
          className="rounded px-2.5 py-1 text-xs text-stone-600 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
