"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { ReaderClaim } from "@/lib/reader/reader-claims";
import type { SummarySegment } from "@/lib/reader/summary-segments";
import { ClaimEvidence } from "./claim-evidence";

/**
 * The published summary with its claims marked. Each claim is a link to its footnote (so reading works
 * without JavaScript); with JavaScript, clicking or focusing a claim opens its evidence in a panel, and a
 * permalink (#claim-<id>) opens with that claim's evidence showing.
 */
export function ReaderSummary({ paragraphs, claims }: { paragraphs: SummarySegment[][]; claims: ReaderClaim[] }) {
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  const [openId, setOpenId] = useState<string | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const open = openId ? byId.get(openId) : undefined;

  const show = useCallback((id: string) => {
    setOpenId(id);
    history.replaceState(null, "", `#claim-${id}`);
  }, []);

  useEffect(() => {
    const fromHash = () => {
      const id = /^#claim-([A-Za-z0-9_-]+)$/.exec(location.hash)?.[1];
      if (id && claims.some((claim) => claim.id === id)) setOpenId(id);
    };
    fromHash();
    window.addEventListener("hashchange", fromHash);
    return () => window.removeEventListener("hashchange", fromHash);
  }, [claims]);

  function close() {
    const id = openId;
    setOpenId(null);
    history.replaceState(null, "", location.pathname + location.search);
    if (id) document.getElementById(`ref-${id}`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && openId) close();
  }

  return (
    <div onKeyDown={onKeyDown}>
      <div className="space-y-4 font-serif text-xl leading-relaxed" data-testid="reader-summary">
        {paragraphs.map((paragraph, index) => (
          <p key={index}>
            {paragraph.map((segment, part) => {
              const claim = segment.claimId ? byId.get(segment.claimId) : undefined;
              if (!claim) return <span key={part}>{segment.text}</span>;
              return (
                <span key={part}>
                  <a
                    href={`#claim-${claim.id}`}
                    id={segment.claimStart ? `ref-${claim.id}` : undefined}
                    data-claim-id={claim.id}
                    aria-expanded={segment.claimStart ? openId === claim.id : undefined}
                    onClick={(event) => {
                      event.preventDefault();
                      show(claim.id);
                    }}
                    onFocus={() => show(claim.id)}
                    tabIndex={segment.claimStart ? 0 : -1}
                    className={`claim-link rounded-sm border-b-2 border-emerald-700 bg-emerald-50 text-inherit no-underline hover:bg-emerald-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${openId === claim.id ? "bg-emerald-100" : ""}`}
                  >
                    {segment.text}
                    {segment.claimStart ? <span className="sr-only"> (claim {claim.number}, {claim.verdict}: show the evidence)</span> : null}
                  </a>
                  {segment.claimStart ? (
                    <sup className="ml-0.5 font-sans text-xs font-semibold text-emerald-800" aria-hidden="true">
                      {claim.number}
                    </sup>
                  ) : null}
                </span>
              );
            })}
          </p>
        ))}
      </div>
      {open ? (
        <div
          ref={panelRef}
          role="dialog"
          aria-modal="false"
          aria-labelledby="evidence-title"
          data-testid="evidence-popover"
          className="fixed inset-x-0 bottom-0 z-20 max-h-[70vh] overflow-y-auto border-t border-stone-300 bg-white p-4 shadow-2xl sm:inset-x-auto sm:bottom-4 sm:right-4 sm:w-[28rem] sm:rounded-lg sm:border"
        >
          <div className="mb-2 flex items-start justify-between gap-3">
            <h2 id="evidence-title" className="font-serif text-lg font-semibold">
              Claim {open.number}: evidence
            </h2>
            <button
              type="button"
              onClick={close}
              className="rounded border border-stone-300 px-2 py-0.5 text-sm hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-700"
            >
              Close
            </button>
          </div>
          <p className="mb-3 font-serif text-stone-900">“{open.text}”</p>
          <ClaimEvidence claim={open} />
          <p className="mt-3 text-xs">
            <a href={`#claim-${open.id}`} className="underline">
              Permalink to this claim
            </a>
          </p>
        </div>
      ) : null}
    </div>
  );
}
