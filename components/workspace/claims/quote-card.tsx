import { useWorkspace } from "@/components/workspace/workspace-context";
import { STANCE_TEXT, type Quote } from "@/lib/claims/claim-schema";
import { createQuoteSelector } from "@/lib/quotes/quote-selector";
import { verifyQuote } from "@/lib/quotes/verify-quote";
import { outletLabel, statedOutlet } from "@/lib/sources/source-label";

const STANCE_CLASS = {
  supports: "bg-emerald-50 text-emerald-900",
  contradicts: "bg-red-50 text-red-900",
  context: "bg-stone-100 text-stone-700",
} as const;

/**
 * A quote attached to a claim: its source, stance, whether it verifies, and the words in their context. A
 * quote that a correction of its source left unsettled is shown in red (lost) or amber (to re-verify, with the
 * passages that may be it, each to choose with one click).
 */
export function QuoteCard({
  quote,
  onRemove,
  onChooseCandidate,
}: {
  quote: Quote;
  onRemove: () => void;
  onChooseCandidate: (candidate: number) => void;
}) {
  const source = useWorkspace().sourcesById.get(quote.sourceId);
  const verification = source ? verifyQuote(source.text, quote.selector) : null;
  const correction = quote.correction;
  // The words in the context a reader will see: taken from the source's text, as the server takes them for the
  // review and the published version, never the context the document states (any editor's client writes it).
  const shown =
    source && verification?.verified && !correction
      ? createQuoteSelector(source.text, verification.start, verification.end)
      : quote.selector;
  const frame =
    correction?.state === "orphaned"
      ? "border-red-300 bg-red-50"
      : correction?.state === "reverify"
        ? "border-amber-300 bg-amber-50"
        : "border-stone-200 bg-stone-50";
  return (
    <li className={`rounded border p-2 text-sm ${frame}`} data-testid="quote-card" data-correction={correction?.state}>
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <span className="font-semibold" data-testid="quote-outlet">
          {source ? outletLabel(source) : "Unknown source"}
        </span>
        <span className={`rounded px-1.5 py-0.5 ${STANCE_CLASS[quote.stance]}`}>{STANCE_TEXT[quote.stance]}</span>
        {correction?.state === "orphaned" ? (
          <span className="rounded bg-red-700 px-1.5 py-0.5 text-white">
            Lost in correction {correction.revision - 1} → {correction.revision}
          </span>
        ) : correction?.state === "reverify" ? (
          <span className="rounded bg-amber-600 px-1.5 py-0.5 text-white">Re-verify after correction</span>
        ) : source && quote.sourceRevision !== undefined && quote.sourceRevision < source.revision ? (
          <span className="rounded bg-amber-600 px-1.5 py-0.5 text-white">
            Being found in revision {source.revision}…
          </span>
        ) : verification?.verified ? (
          <span className="rounded bg-emerald-600 px-1.5 py-0.5 text-white">Verified verbatim</span>
        ) : (
          <span className="rounded bg-red-700 px-1.5 py-0.5 text-white">
            {verification ? verification.reason : "Its source is not in this story."}
          </span>
        )}
        <button
          type="button"
          onClick={onRemove}
          className="ml-auto rounded px-1.5 py-0.5 text-stone-600 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-blue-600"
          aria-label={`Remove the quote from ${(source && statedOutlet(source)) ?? "this source"}`}
        >
          Remove
        </button>
      </div>
      {correction ? (
        <p className={`mt-1 text-xs ${correction.state === "orphaned" ? "text-red-800" : "text-amber-900"}`}>
          {correction.state === "orphaned"
            ? `The source was corrected (revision ${correction.revision}) and this passage is no longer in it: ${correction.reason} Its old words:`
            : `The source was corrected (revision ${correction.revision}): ${correction.reason} Its old words:`}
        </p>
      ) : null}
      <blockquote
        className={`mt-1 font-serif ${correction ? "text-stone-500 line-through decoration-stone-400" : "text-stone-800"}`}
      >
        <span className="text-stone-400">…{shown.prefix}</span>
        <mark
          className={correction ? "bg-transparent text-inherit" : "bg-yellow-100 text-stone-900"}
          data-testid="quote-exact"
        >
          {shown.exact}
        </mark>
        <span className="text-stone-400">{shown.suffix}…</span>
      </blockquote>
      {correction?.state === "reverify" ? (
        <ol className="mt-2 space-y-2" aria-label="Passages of the corrected text that may be this quote">
          {correction.candidates.map((candidate, index) => (
            <li
              key={`${candidate.selector.start}-${candidate.selector.end}`}
              className="rounded border border-amber-200 bg-white p-2"
            >
              <p className="font-serif text-stone-800">
                <span className="text-stone-400">…{candidate.selector.prefix}</span>
                <mark className="bg-yellow-100">{candidate.selector.exact}</mark>
                <span className="text-stone-400">{candidate.selector.suffix}…</span>
              </p>
              <p className="mt-1 text-xs text-stone-600">
                {Math.round(candidate.similarity * 100)}% the same words
                {candidate.reasons.length ? ` · ${candidate.reasons.join(" · ")}` : ""}
              </p>
              <button
                type="button"
                onClick={() => onChooseCandidate(index)}
                className="mt-1 rounded bg-amber-600 px-2 py-0.5 text-xs font-medium text-white hover:bg-amber-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
              >
                Use this passage
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {quote.note ? <p className="mt-1 text-xs text-stone-600">Note: {quote.note}</p> : null}
      <p className="mt-1 text-xs text-stone-400">Added by {quote.addedBy.name}</p>
    </li>
  );
}
