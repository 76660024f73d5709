"use client";

import type { EvidenceSuggestion, SourcePassage } from "@/lib/assistant/evidence-index";
import { EmphasisedText, matchRanges } from "./emphasised-text";

/**
 * Each source's best passage for the active claim, or "Nothing close" for a source that does not address it,
 * so an editor sees at a glance which outlets say it and which do not. A passage already attached is marked;
 * another can be attached with one click.
 */
export function SourcePassages({
  rows,
  onAttach,
}: {
  rows: readonly SourcePassage[];
  onAttach: (passage: EvidenceSuggestion) => void;
}) {
  const saying = rows.filter((row) => row.passage !== null).length;
  return (
    <div data-testid="source-passages">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500" aria-live="polite">
        By source: {saying} of {rows.length} say something close
      </h3>
      <ul className="mt-1.5 space-y-1.5" aria-label="Best passage of each source">
        {rows.map((row) => (
          <li
            key={row.sourceId}
            className="rounded border border-stone-200 bg-white p-2 text-sm"
            data-testid="source-passage"
            data-source-id={row.sourceId}
            data-state={row.attached ? "attached" : row.passage ? "close" : "nothing-close"}
          >
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-xs font-semibold text-stone-800" data-testid="source-passage-outlet">
                {row.outlet}
              </span>
              {row.attached ? (
                <span className="ml-auto rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800">
                  Attached
                </span>
              ) : row.passage ? (
                <button
                  type="button"
                  onClick={() => row.passage && onAttach(row.passage)}
                  aria-label={`Attach as evidence: the passage from ${row.outlet}`}
                  className="ml-auto rounded border border-emerald-700 px-2 py-0.5 text-xs font-medium text-emerald-800 hover:bg-emerald-50 focus-visible:outline-2 focus-visible:outline-blue-600"
                >
                  Attach
                </button>
              ) : (
                <span className="ml-auto text-xs text-stone-500">Nothing close</span>
              )}
            </div>
            {row.passage ? (
              <p className="mt-1 line-clamp-3 font-serif leading-snug text-stone-600" data-testid="source-passage-text">
                <EmphasisedText
                  text={row.passage.text}
                  ranges={matchRanges(row.passage.text, row.passage)}
                  className="font-semibold text-stone-950"
                />
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
