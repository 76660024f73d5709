import { STANCE_TEXT, type Quote } from "@/lib/claims/claim-schema";
import { verifyQuote } from "@/lib/quotes/verify-quote";
import type { WorkspaceSource } from "./workspace-source";

const STANCE_CLASS = {
  supports: "bg-emerald-50 text-emerald-900",
  contradicts: "bg-red-50 text-red-900",
  context: "bg-stone-100 text-stone-700",
} as const;

/** A quote attached to a claim: its source, stance, whether it verifies, and the words in their context. */
export function QuoteCard({
  quote,
  source,
  onRemove,
}: {
  quote: Quote;
  source: WorkspaceSource | undefined;
  onRemove: () => void;
}) {
  const verification = source ? verifyQuote(source.text, quote.selector) : null;
  return (
    <li className="rounded border border-stone-200 bg-stone-50 p-2 text-sm" data-testid="quote-card">
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <span className="font-semibold" data-testid="quote-outlet">
          {source ? (source.outlet ?? "Outlet not stated") : "Unknown source"}
        </span>
        <span className={`rounded px-1.5 py-0.5 ${STANCE_CLASS[quote.stance]}`}>{STANCE_TEXT[quote.stance]}</span>
        {verification?.verified ? (
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
          aria-label={`Remove the quote from ${source?.outlet ?? "this source"}`}
        >
          Remove
        </button>
      </div>
      <blockquote className="mt-1 font-serif text-stone-800">
        <span className="text-stone-400">…{quote.selector.prefix}</span>
        <mark className="bg-yellow-100 text-stone-900" data-testid="quote-exact">
          {quote.selector.exact}
        </mark>
        <span className="text-stone-400">{quote.selector.suffix}…</span>
      </blockquote>
      {quote.note ? <p className="mt-1 text-xs text-stone-600">Note: {quote.note}</p> : null}
      <p className="mt-1 text-xs text-stone-400">Added by {quote.addedBy.name}</p>
    </li>
  );
}
