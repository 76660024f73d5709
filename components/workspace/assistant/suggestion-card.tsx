"use client";

import type { EvidenceSuggestion } from "@/lib/assistant/evidence-index";
import { EmphasisedText, matchRanges } from "./emphasised-text";

/** A passage the assistant suggests for the active claim: its outlet, the sentence with the matched words emphasised, and one click to attach it. */
export function SuggestionCard({ suggestion, onAttach }: { suggestion: EvidenceSuggestion; onAttach: () => void }) {
  return (
    <li
      className="rounded border border-stone-200 bg-white p-2.5 text-sm"
      data-testid="suggestion"
      data-source-id={suggestion.sourceId}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-semibold text-stone-800" data-testid="suggestion-outlet">
          {suggestion.outlet}
        </span>
        <button
          type="button"
          onClick={onAttach}
          aria-label={`Attach as evidence: the passage from ${suggestion.outlet}`}
          className="ml-auto rounded border border-emerald-700 px-2 py-0.5 text-xs font-medium text-emerald-800 hover:bg-emerald-50 focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          Attach as evidence
        </button>
      </div>
      <p className="mt-1 font-serif leading-snug text-stone-600" data-testid="suggestion-text">
        <EmphasisedText
          text={suggestion.text}
          ranges={matchRanges(suggestion.text, suggestion)}
          className="font-semibold text-stone-950"
        />
      </p>
    </li>
  );
}
