"use client";

import { useId, useState } from "react";
import { revealSummaryHighlight } from "@/components/workspace/summary/summary-highlights";
import { useWorkspace } from "@/components/workspace/workspace-context";
import type { AssistantFlag } from "@/lib/assistant/assistance";
import { FLAG_KIND_TEXT, FlagCard } from "./flag-card";
import type { AssistantView } from "./use-assistant";

const GROUPS = [
  { key: "claims", title: "Claims" },
  { key: "summary", title: "Summary" },
  { key: "sources", title: "Sources" },
] as const;

type Group = (typeof GROUPS)[number]["key"];

/** Claim flags are about a claim; summary flags have a place in the summary; the rest compare the sources. */
function groupOf(flag: AssistantFlag): Group {
  if (flag.claimId !== null) return "claims";
  return flag.summaryRange ? "summary" : "sources";
}

/**
 * Every flag of the story that nobody dismissed, grouped by what it is about, with counts. A claim's flag
 * selects its claim (the assistant panel then shows it in full); any other flag opens in place, where it can
 * be dismissed, and a summary flag can select its words in the summary.
 */
export function StoryFlags({ view }: { view: AssistantView }) {
  const { claims, selectClaim: onSelectClaim } = useWorkspace();
  const flags = view.assistance?.flags.filter((flag) => !view.dismissals.has(flag.id)) ?? [];
  const claimText = new Map(claims.map((claim) => [claim.id, claim.span?.text ?? "a detached claim"]));
  const [open, setOpen] = useState(true);
  const listId = useId();
  const dismissedCount = view.assistance?.flags.filter((flag) => view.dismissals.has(flag.id)).length ?? 0;

  return (
    <section
      aria-labelledby="story-flags-heading"
      className="mt-6 rounded-lg border border-stone-200 bg-white shadow-sm"
      data-testid="story-flags"
    >
      <div className="flex flex-wrap items-center gap-2 px-4 py-2.5">
        <h2 id="story-flags-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-500">
          Flags
        </h2>
        <span aria-live="polite" className="text-sm text-stone-700" data-testid="story-flag-count">
          {view.status === "ready"
            ? `${flags.length} to check${dismissedCount > 0 ? ` · ${dismissedCount} dismissed` : ""}`
            : view.status === "failed"
              ? "The assistant could not be loaded."
              : "Reading the sources…"}
        </span>
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          aria-controls={listId}
          className="ml-auto rounded px-2 py-0.5 text-sm text-stone-600 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          {open ? "Hide" : "Show"}
        </button>
      </div>
      <div
        id={listId}
        hidden={!open}
        className="max-h-80 space-y-3 overflow-y-auto border-t border-stone-100 px-4 py-3"
      >
        {view.status === "ready" && flags.length === 0 ? (
          <p className="text-sm text-stone-600">Nothing to check.</p>
        ) : null}
        {GROUPS.map(({ key, title }) => {
          const group = flags.filter((flag) => groupOf(flag) === key);
          if (group.length === 0) return null;
          return (
            <div key={key}>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">
                {title} ({group.length})
              </h3>
              <ul className="mt-1 divide-y divide-stone-100">
                {group.map((flag) => (
                  <li
                    key={flag.id}
                    className="py-1.5"
                    data-testid="story-flag"
                    data-flag-id={flag.id}
                    data-flag-kind={flag.kind}
                  >
                    {flag.claimId !== null ? (
                      <button
                        type="button"
                        onClick={() => flag.claimId && onSelectClaim(flag.claimId)}
                        className="w-full rounded px-1 py-0.5 text-left text-sm hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-blue-600"
                      >
                        <FlagLine flag={flag} />
                        <span className="block truncate font-serif text-xs text-stone-500">
                          on “{claimText.get(flag.claimId) ?? ""}”
                        </span>
                      </button>
                    ) : (
                      <details>
                        <summary className="cursor-pointer rounded px-1 py-0.5 text-sm hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-blue-600">
                          <FlagLine flag={flag} />
                        </summary>
                        <div className="mt-1 pl-3">
                          {flag.summaryRange ? (
                            <button
                              type="button"
                              onClick={() => revealSummaryHighlight(flag.id)}
                              className="mb-1 rounded border border-stone-300 bg-white px-2 py-0.5 text-xs font-medium text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
                            >
                              Show in summary
                            </button>
                          ) : null}
                          <FlagCard
                            flag={flag}
                            dismissal={undefined}
                            onDismiss={(reason) => view.dismiss(flag.id, reason)}
                            onRestore={() => view.restore(flag.id)}
                          />
                        </div>
                      </details>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}

function FlagLine({ flag }: { flag: AssistantFlag }) {
  return (
    <>
      <span className="mr-1.5 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900">
        {FLAG_KIND_TEXT[flag.kind]}
      </span>
      {/* A citation-needed flag's title says nothing its badge does not: show the sentence instead. */}
      {flag.kind === "citation_needed" ? (
        <span className="font-serif text-stone-700">{flag.wordings[0]?.text ?? flag.title}</span>
      ) : (
        <span className="text-stone-800">{flag.title}</span>
      )}
    </>
  );
}
