"use client";

import { useEffect, useState } from "react";
import { ErrorText } from "@/components/ui/error-text";
import { useWorkspace } from "@/components/workspace/workspace-context";
import type { CheckedBeforeMatch } from "@/lib/assistant/checked-before";

/** How long the claim's words must stay unchanged before the server is asked, so typing sends nothing. */
const ASK_DELAY_MS = 400;
/** Quotes shown of each earlier claim. */
const QUOTES_SHOWN = 2;
/** Characters of a quote shown. */
const EXCERPT = 180;

const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text);

const VERDICT_STYLE: Record<CheckedBeforeMatch["verdict"], string> = {
  supported: "bg-emerald-50 text-emerald-800",
  partly_supported: "bg-amber-50 text-amber-900",
  unsupported: "bg-red-50 text-red-800",
};

/**
 * Claims of other stories' published checks that resemble the active claim (GET
 * /api/stories/<id>/checked-before): each with its verdict, its evidence and a link to the published check, so
 * an editor does not check again what the newsroom has checked before.
 */
export function CheckedBefore({ claimText }: { claimText: string }) {
  const { storyId } = useWorkspace();
  const [result, setResult] = useState<{ text: string; matches: CheckedBeforeMatch[] | null } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(
          `/api/stories/${encodeURIComponent(storyId)}/checked-before?claim=${encodeURIComponent(claimText)}`,
          { signal: controller.signal },
        );
        const body = (await response.json()) as { matches?: CheckedBeforeMatch[] };
        setResult({ text: claimText, matches: response.ok ? (body.matches ?? []) : null });
      } catch {
        if (!controller.signal.aborted) setResult({ text: claimText, matches: null });
      }
    }, ASK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [storyId, claimText]);

  const current = result?.text === claimText ? result : null;
  return (
    <div data-testid="checked-before">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500" aria-live="polite">
        Checked before{current?.matches ? ` (${current.matches.length})` : ""}
      </h3>
      {!current ? (
        <p className="mt-1 text-sm text-stone-600">Looking through published checks…</p>
      ) : current.matches === null ? (
        <ErrorText className="mt-1 text-sm">Published checks could not be searched.</ErrorText>
      ) : current.matches.length === 0 ? (
        <p className="mt-1 text-sm text-stone-600">No published check of another story has a claim like this.</p>
      ) : (
        <ul className="mt-1.5 space-y-2" aria-label="Claims checked before">
          {current.matches.map((match) => (
            <li
              key={`${match.slug}:${match.claimId}`}
              className="rounded border border-stone-200 bg-white p-2.5 text-sm"
              data-testid="checked-before-match"
            >
              <div className="flex flex-wrap items-center gap-2">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-semibold ${VERDICT_STYLE[match.verdict]}`}
                  data-testid="checked-before-verdict"
                >
                  {match.verdictText}
                </span>
                <a
                  href={match.url}
                  className="text-xs font-medium text-blue-800 underline hover:text-blue-950 focus-visible:outline-2 focus-visible:outline-blue-600"
                >
                  {match.title}, version {match.version}
                </a>
              </div>
              <p className="mt-1 font-serif leading-snug text-stone-800" data-testid="checked-before-claim">
                “{match.claimText}”
              </p>
              {match.evidence.length > 0 ? (
                <ul className="mt-1 space-y-1 border-l-2 border-stone-200 pl-2 text-xs text-stone-600">
                  {match.evidence.slice(0, QUOTES_SHOWN).map((quote, at) => (
                    <li key={at} data-testid="checked-before-quote">
                      <span className="font-semibold text-stone-700">{quote.outlet ?? "Outlet not stated"}:</span> “
                      {excerpt(quote.exact)}”
                    </li>
                  ))}
                  {match.evidence.length > QUOTES_SHOWN ? (
                    <li>and {match.evidence.length - QUOTES_SHOWN} more in the published check</li>
                  ) : null}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
