"use client";

import { useEffect, useRef } from "react";
import { MARK_CLAIM_EVENT } from "@/components/workspace/summary/claim-mark";
import type { MarkClaimRange } from "@/components/workspace/summary/summary-editor";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { PROPOSAL_REASON_NAMES, unclaimedProposals, type ClaimProposal } from "@/lib/assistant/proposals-claimed";
import type { AssistantView } from "./use-assistant";

/**
 * Marks a proposal as a claim through the summary editor's own "Mark as claim" path: the editor listens for
 * MARK_CLAIM_EVENT, here with the proposal's range instead of the selection.
 */
function markAsClaim(proposal: ClaimProposal): void {
  const detail: MarkClaimRange = { start: proposal.start, end: proposal.end, text: proposal.text };
  document.querySelector(".summary-editor .ProseMirror")?.dispatchEvent(new CustomEvent(MARK_CLAIM_EVENT, { detail }));
}

/**
 * "Propose claims": the spans of the summary worth checking (numbers, names, attributed statements, causes,
 * comparisons), each with its reasons; one click on its words, or Enter, makes one a claim. Proposals a claim already covers
 * are left out, live.
 */
export function ClaimProposals({ view }: { view: AssistantView }) {
  const { claims } = useWorkspace();
  const list = useRef<HTMLOListElement>(null);
  const focusAt = useRef<number | null>(null);
  const spans = claims.flatMap((claim) => (claim.span ? [claim.span] : []));
  const proposals = view.proposals ? unclaimedProposals(view.proposals.items, spans) : null;
  const shown = proposals?.map((proposal) => proposal.id).join(" ");

  // After one is made a claim, the keyboard stays in the list: on the proposal that took its place.
  useEffect(() => {
    if (focusAt.current === null || !list.current) return;
    const buttons = list.current.querySelectorAll<HTMLButtonElement>("button");
    buttons[Math.min(focusAt.current, buttons.length - 1)]?.focus();
    focusAt.current = null;
  }, [shown]);

  if (!view.proposing) {
    return (
      <button
        type="button"
        onClick={() => view.setProposing(true)}
        className="rounded border border-stone-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        Propose claims
      </button>
    );
  }
  return (
    <div data-testid="claim-proposals">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500" aria-live="polite">
          {proposals ? `Proposed claims (${proposals.length})` : "Proposing claims…"}
        </h3>
        <button
          type="button"
          onClick={() => view.setProposing(false)}
          className="rounded px-1.5 py-0.5 text-sm text-stone-600 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          Hide proposals
        </button>
      </div>
      {proposals && proposals.length === 0 ? (
        <p className="mt-1 text-sm text-stone-600">Nothing to propose: every check-worthy span is a claim.</p>
      ) : null}
      {proposals && proposals.length > 0 ? (
        <ol ref={list} className="mt-1.5 space-y-1.5" aria-label="Proposed claims">
          {proposals.map((proposal, at) => (
            <li
              key={proposal.id}
              className="rounded border border-stone-200 bg-white p-2 text-sm"
              data-testid="claim-proposal"
            >
              {/* The words are the button; its name says what it does, the reasons describe it. */}
              <button
                type="button"
                onClick={() => {
                  focusAt.current = at;
                  markAsClaim(proposal);
                }}
                aria-describedby={`${proposal.id}-reasons`}
                className="w-full rounded text-left hover:bg-amber-50 focus-visible:outline-2 focus-visible:outline-blue-600"
              >
                <span className="sr-only">Make a claim: </span>
                <span className="line-clamp-3 font-serif leading-snug text-stone-800" data-testid="claim-proposal-text">
                  {proposal.text}
                </span>
              </button>
              <span
                id={`${proposal.id}-reasons`}
                className="mt-1 flex flex-wrap gap-1"
                data-testid="claim-proposal-reasons"
              >
                {proposal.reasons.map((reason) => (
                  <span key={reason.kind} className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700">
                    <span className="font-semibold">{PROPOSAL_REASON_NAMES[reason.kind]}:</span>{" "}
                    {reason.words.join(", ")}
                    {/* Read aloud as one description, the reasons need a pause between them. */}
                    <span className="sr-only">;</span>
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
