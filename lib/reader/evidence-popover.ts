/**
 * The evidence popover of a published check's page, as a plain script (no React: the page is a static document,
 * server/reader/reader-document.tsx). A click on a claim in the summary, or keyboard focus on it, opens the
 * claim's evidence; Escape or the close button closes it and puts the focus back on the claim; a permalink
 * (`#claim-<id>`) opens with it showing, and so does a later change of the address's hash. The popover is the
 * page's `<template data-evidence-popover>` (its markup and labels in the page's language), filled from the claim's
 * footnote, which the server already rendered: the evidence is not sent twice. Without JavaScript each claim is a
 * plain link to its footnote.
 *
 * Bundled for the browser by server/reader/build-reader-assets.ts; the page loads it with its CSP nonce.
 *
 * @example attachEvidencePopover(document)
 */
export function attachEvidencePopover(page: Document): void {
  const template = page.querySelector<HTMLTemplateElement>("template[data-evidence-popover]");
  const view = page.defaultView;
  if (!template || !view) return;
  const { history, location } = view;
  let openId: string | null = null;
  let popover: HTMLElement | null = null;

  // A claim's footnote in the list of claims and evidence (its id is the permalink's).
  const footnote = (id: string) => {
    const note = page.getElementById(`claim-${id}`);
    return note?.dataset.claimFootnote === id ? note : null;
  };
  // The first link of each claim (its other pieces, past a line break, are not in the tab order).
  const claimLinks = () => page.querySelectorAll<HTMLAnchorElement>(`${CLAIM_LINKS}[id]`);
  const linkOf = (target: EventTarget | null) =>
    target instanceof view.Element ? target.closest<HTMLAnchorElement>(CLAIM_LINKS) : null;
  const markExpanded = () => {
    for (const link of claimLinks()) link.setAttribute("aria-expanded", String(link.dataset.claimId === openId));
  };

  function show(id: string, updateUrl: boolean): void {
    const note = footnote(id);
    if (!note || !template) return;
    if (!popover) {
      popover = (template.content.firstElementChild?.cloneNode(true) as HTMLElement | undefined) ?? null;
      if (!popover) return;
      popover.querySelector("[data-popover-close]")?.addEventListener("click", close);
      template.before(popover);
    }
    const title = popover.querySelector<HTMLElement>("[data-popover-title]");
    if (title)
      title.textContent = (title.dataset.popoverTitle ?? "").replace("{number}", note.dataset.claimNumber ?? "");
    const words = popover.querySelector("[data-popover-words]");
    if (words) words.textContent = `“${note.querySelector("[data-claim-words]")?.textContent ?? ""}”`;
    const evidence = note.querySelector("[data-evidence]");
    popover.querySelector("[data-popover-evidence]")?.replaceChildren(evidence ? evidence.cloneNode(true) : "");
    popover.querySelector("[data-popover-permalink]")?.setAttribute("href", `#claim-${id}`);
    openId = id;
    if (updateUrl) history.replaceState(null, "", `#claim-${id}`);
    markExpanded();
  }

  function close(): void {
    const id = openId;
    if (!id) return;
    openId = null;
    popover?.remove();
    popover = null;
    markExpanded();
    history.replaceState(null, "", location.pathname + location.search);
    // Back to the claim the reader came from; its focus handler must not open the popover again.
    const link = page.getElementById(`ref-${id}`);
    if (link && page.activeElement !== link) {
      link.dataset.refocus = "true";
      link.focus({ preventScroll: true });
    }
  }

  const fromHash = () => {
    const id = CLAIM_HASH.exec(location.hash)?.[1];
    if (id) show(id, false);
  };

  markExpanded();
  fromHash();
  page.addEventListener("click", (event) => {
    const id = linkOf(event.target)?.dataset.claimId;
    if (!id) return;
    event.preventDefault();
    show(id, true);
  });
  page.addEventListener("focusin", (event) => {
    const link = linkOf(event.target);
    if (link?.dataset.refocus) {
      delete link.dataset.refocus;
      return;
    }
    if (link?.dataset.claimId) show(link.dataset.claimId, true);
  });
  page.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  view.addEventListener("hashchange", fromHash);
}

/** A claim's link in the summary (components/reader/reader-summary.tsx). */
const CLAIM_LINKS = '[data-testid="reader-summary"] a[data-claim-id]';

/** A claim's permalink: the address's hash naming its footnote. */
const CLAIM_HASH = /^#claim-([A-Za-z0-9_-]+)$/;
