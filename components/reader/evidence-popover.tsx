"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** What the popover shows of a claim, read from its server-rendered footnote. */
interface OpenClaim {
  id: string;
  number: string;
  text: string;
}

const CLAIM_HASH = /^#claim-([A-Za-z0-9_-]+)$/;

function footnote(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`li[data-claim-footnote="${CSS.escape(id)}"]`);
}

function claimLinks(): NodeListOf<HTMLAnchorElement> {
  return document.querySelectorAll<HTMLAnchorElement>('[data-testid="reader-summary"] a[data-claim-id][id]');
}

/**
 * Turns the summary's claim links into an evidence popover: a click on a claim, or keyboard focus on it,
 * opens the claim's evidence, and a permalink (#claim-<id>) opens with it showing. The evidence is not sent
 * to the browser twice: the popover copies the claim's footnote, which the server already rendered.
 */
export function EvidencePopover({
  labels,
}: {
  /** The popover's own labels in the page's language; `{number}` in the title is the claim's. */
  labels: { title: string; close: string; permalink: string };
}) {
  const [open, setOpen] = useState<OpenClaim | null>(null);
  const evidenceRef = useRef<HTMLDivElement>(null);

  const show = useCallback((id: string, updateUrl: boolean) => {
    const note = footnote(id);
    if (!note) return;
    setOpen({
      id,
      number: note.dataset.claimNumber ?? "",
      text: note.querySelector("[data-claim-words]")?.textContent ?? "",
    });
    if (updateUrl) history.replaceState(null, "", `#claim-${id}`);
  }, []);

  // The open claim for the document-wide listeners, which are attached once.
  const openIdRef = useRef<string | null>(null);
  useEffect(() => {
    openIdRef.current = open?.id ?? null;
  }, [open]);

  const close = useCallback(() => {
    const id = openIdRef.current;
    if (!id) return;
    setOpen(null);
    history.replaceState(null, "", location.pathname + location.search);
    // Back to the claim the reader came from; its focus handler must not reopen the popover.
    openIdRef.current = null;
    const link = document.getElementById(`ref-${id}`);
    if (link && document.activeElement !== link) {
      link.dataset.refocus = "true";
      link.focus({ preventScroll: true });
    }
  }, []);

  useEffect(() => {
    const linkOf = (target: EventTarget | null) =>
      target instanceof Element
        ? target.closest<HTMLAnchorElement>('[data-testid="reader-summary"] a[data-claim-id]')
        : null;
    const onClick = (event: MouseEvent) => {
      const link = linkOf(event.target);
      if (!link?.dataset.claimId) return;
      event.preventDefault();
      show(link.dataset.claimId, true);
    };
    const onFocus = (event: FocusEvent) => {
      const link = linkOf(event.target);
      if (link?.dataset.refocus) {
        delete link.dataset.refocus;
        return;
      }
      if (link?.dataset.claimId) show(link.dataset.claimId, true);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") close();
    };
    const fromHash = () => {
      const id = CLAIM_HASH.exec(location.hash)?.[1];
      if (id) show(id, false);
    };
    for (const link of claimLinks()) link.setAttribute("aria-expanded", "false");
    fromHash();
    document.addEventListener("click", onClick);
    document.addEventListener("focusin", onFocus);
    document.addEventListener("keydown", onKeyDown);
    window.addEventListener("hashchange", fromHash);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("focusin", onFocus);
      document.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("hashchange", fromHash);
    };
  }, [show, close]);

  useEffect(() => {
    for (const link of claimLinks()) link.setAttribute("aria-expanded", String(link.dataset.claimId === open?.id));
    const target = evidenceRef.current;
    const evidence = open ? footnote(open.id)?.querySelector("[data-evidence]") : null;
    if (target && evidence) target.replaceChildren(evidence.cloneNode(true));
  }, [open]);

  if (!open) return null;
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby="evidence-title"
      data-testid="evidence-popover"
      className="fixed inset-x-0 bottom-0 z-20 max-h-[70vh] overflow-y-auto border-t border-stone-300 bg-white p-4 shadow-2xl sm:inset-x-auto sm:bottom-4 sm:end-4 sm:w-[28rem] sm:rounded-lg sm:border"
    >
      <div className="mb-2 flex items-start justify-between gap-3">
        <h2 id="evidence-title" className="font-serif text-lg font-semibold">
          {labels.title.replace("{number}", open.number)}
        </h2>
        <button
          type="button"
          onClick={close}
          className="rounded border border-stone-300 px-2 py-0.5 text-sm hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-700"
        >
          {labels.close}
        </button>
      </div>
      <p className="mb-3 font-serif text-stone-900" dir="auto" data-published>
        “{open.text}”
      </p>
      <div ref={evidenceRef} />
      <p className="mt-3 text-xs">
        <a href={`#claim-${open.id}`} className="underline">
          {labels.permalink}
        </a>
      </p>
    </div>
  );
}
