"use client";

import { useState } from "react";
import { ErrorText } from "@/components/ui/error-text";
import { plural } from "@/components/ui/plural";
import { useAddEvidence } from "@/components/workspace/sources/use-add-evidence";
import { useWorkspace } from "@/components/workspace/workspace-context";
import type { ClaimCoverage, StoryAssistance } from "@/lib/assistant/assistance";
import type { EvidenceSuggestion } from "@/lib/assistant/evidence-index";
import { biasLabelText } from "@/lib/import/bias-label";
import { CheckedBefore } from "./checked-before";
import { ClaimProposals } from "./claim-proposals";
import { FlagCard } from "./flag-card";
import { SourcePassages } from "./source-passages";
import { SuggestionCard } from "./suggestion-card";
import type { AssistantView } from "./use-assistant";

/** Suggestions shown before "Show all": enough to choose from without pushing the sources out of sight. */
const FIRST_SUGGESTIONS = 3;

const suggestionKey = (suggestion: EvidenceSuggestion) =>
  `${suggestion.sourceId}:${suggestion.start}:${suggestion.end}`;

/**
 * The verification assistant: claim proposals for the summary ("Propose claims"), and for the active claim the claims of other stories' published checks that resemble it, passages of the sources that may support it (one click
 * attaches one as a supporting quote), each source's best passage or "nothing close", who supports it so far,
 * and what the assistant flags about it.
 */
export function AssistantPanel({ view }: { view: AssistantView }) {
  const claim = useWorkspace().activeClaim;
  const addEvidence = useAddEvidence();
  // Attached passages leave the list at once, before the assistant has read the draft again.
  const [attached, setAttached] = useState<{ assistance: StoryAssistance | null; keys: Set<string> }>({
    assistance: null,
    keys: new Set(),
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const help = claim ? (view.assistance?.claims.get(claim.id) ?? null) : null;
  const hidden = attached.assistance === view.assistance ? attached.keys : new Set<string>();
  const suggestions = help?.suggestions.filter((suggestion) => !hidden.has(suggestionKey(suggestion))) ?? [];
  const flags = help?.flags ?? [];
  const open = flags.filter((flag) => !view.dismissals.has(flag.id));
  const dismissed = flags.filter((flag) => view.dismissals.has(flag.id));

  function attach(suggestion: EvidenceSuggestion) {
    // One click attaches the passage to the active claim as a supporting quote.
    const failure = addEvidence(suggestion, "supports", "");
    setProblem(failure);
    if (!failure) setAttached({ assistance: view.assistance, keys: new Set([...hidden, suggestionKey(suggestion)]) });
  }

  return (
    <section
      aria-labelledby="assistant-heading"
      className="rounded-lg border border-stone-200 bg-stone-50 p-3"
      data-testid="assistant-panel"
    >
      <h2 id="assistant-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-500">
        Assistant
      </h2>
      <div className="mt-2 border-b border-stone-200 pb-3">
        <ClaimProposals view={view} />
      </div>
      {!claim ? (
        <p className="mt-2 text-sm text-stone-600">Select a claim to see what the sources say about it.</p>
      ) : view.status === "failed" ? (
        <ErrorText className="mt-2 text-sm">The assistant could not be loaded. Reload the page to try again.</ErrorText>
      ) : view.status === "loading" || !help ? (
        <p role="status" className="mt-2 text-sm text-stone-600">
          Reading the sources…
        </p>
      ) : (
        <div className="mt-2 space-y-4">
          <p className="line-clamp-2 font-serif text-sm text-stone-700">
            {claim.span ? `“${claim.span.text}”` : "Detached: the words of this claim were deleted from the summary."}
          </p>
          {claim.span ? <CheckedBefore claimText={claim.span.text} /> : null}
          <div>
            <h3
              className="text-xs font-semibold uppercase tracking-wide text-stone-500"
              aria-live="polite"
              data-testid="suggestion-count"
            >
              Suggested evidence ({suggestions.length})
            </h3>
            {problem ? <ErrorText className="mt-1 text-sm">{problem}</ErrorText> : null}
            {suggestions.length === 0 ? (
              <p className="mt-1 text-sm text-stone-600">
                {claim.quotes.length > 0
                  ? "No suggestions: every passage that matches is attached."
                  : "No suggestions: no passage of the sources shares words with this claim."}
              </p>
            ) : (
              <ol className="mt-1.5 space-y-2" aria-label="Suggested passages">
                {suggestions.slice(0, showAll ? suggestions.length : FIRST_SUGGESTIONS).map((suggestion) => (
                  <SuggestionCard
                    key={suggestionKey(suggestion)}
                    suggestion={suggestion}
                    onAttach={() => attach(suggestion)}
                  />
                ))}
              </ol>
            )}
            {suggestions.length > FIRST_SUGGESTIONS ? (
              <button
                type="button"
                onClick={() => setShowAll(!showAll)}
                aria-expanded={showAll}
                className="mt-1.5 rounded px-1.5 py-0.5 text-sm text-stone-600 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-blue-600"
              >
                {showAll ? "Show fewer" : `Show all ${suggestions.length}`}
              </button>
            ) : null}
          </div>
          {help.perSource.length > 0 ? <SourcePassages rows={help.perSource} onAttach={attach} /> : null}
          <Coverage coverage={help.coverage} />
          <div>
            <h3
              className="text-xs font-semibold uppercase tracking-wide text-stone-500"
              aria-live="polite"
              data-testid="claim-flag-count"
            >
              Flags ({open.length})
            </h3>
            {open.length === 0 ? (
              <p className="mt-1 text-sm text-stone-600">Nothing flagged for this claim.</p>
            ) : (
              <ul className="mt-1.5 space-y-2" aria-label="Flags of this claim">
                {open.map((flag) => (
                  <li key={flag.id} className="rounded border border-amber-200 bg-white p-2.5">
                    <FlagCard
                      flag={flag}
                      dismissal={undefined}
                      onDismiss={(reason) => view.dismiss(flag.id, reason)}
                      onRestore={() => view.restore(flag.id)}
                    />
                  </li>
                ))}
              </ul>
            )}
            {dismissed.length > 0 ? (
              <details className="mt-2" data-testid="dismissed-flags">
                <summary className="cursor-pointer text-sm text-stone-600 focus-visible:outline-2 focus-visible:outline-blue-600">
                  Dismissed ({dismissed.length})
                </summary>
                <ul className="mt-1.5 space-y-2">
                  {dismissed.map((flag) => (
                    <li key={flag.id} className="rounded border border-stone-200 bg-white p-2.5 opacity-80">
                      <FlagCard
                        flag={flag}
                        dismissal={view.dismissals.get(flag.id)}
                        onDismiss={(reason) => view.dismiss(flag.id, reason)}
                        onRestore={() => view.restore(flag.id)}
                      />
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        </div>
      )}
    </section>
  );
}

/** Which outlets support the claim and how they lean (single-source and one-sided warnings are flags). */
function Coverage({ coverage }: { coverage: ClaimCoverage }) {
  return (
    <div data-testid="claim-coverage">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">
        Coverage: {plural(coverage.distinctOutlets, "outlet")}
      </h3>
      {coverage.distinctOutlets === 0 ? (
        <p className="mt-1 text-sm text-stone-600">No supporting quote yet.</p>
      ) : (
        <ul className="mt-1 flex flex-wrap gap-1.5 text-xs">
          {coverage.outlets.map((outlet) => (
            <li key={outlet.outlet} className="rounded border border-stone-200 bg-white px-1.5 py-0.5">
              <span className="font-semibold text-stone-800">{outlet.outlet}</span>{" "}
              <span className="text-stone-500">{biasLabelText(outlet.biasLabel)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
