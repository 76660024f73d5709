/**
 * The evidence popover of a published check, as a `<template>` in the page's language: the page's script
 * (lib/reader/evidence-popover.ts) shows a copy of it beside the summary when a claim is opened, filled with the
 * claim's number, words and evidence from its footnote. A template is inert: without JavaScript nothing of it shows.
 */
export function EvidencePopover({
  labels,
}: {
  /** The popover's own labels in the page's language; `{number}` in the title is the claim's. */
  labels: { title: string; close: string; permalink: string };
}) {
  return (
    <template data-evidence-popover>
      <div
        role="dialog"
        aria-modal="false"
        aria-labelledby="evidence-title"
        data-testid="evidence-popover"
        className="fixed inset-x-0 bottom-0 z-20 max-h-[70vh] overflow-y-auto border-t border-stone-300 bg-white p-4 shadow-2xl sm:inset-x-auto sm:bottom-4 sm:end-4 sm:w-[28rem] sm:rounded-lg sm:border"
      >
        <div className="mb-2 flex items-start justify-between gap-3">
          <h2 id="evidence-title" className="font-serif text-lg font-semibold" data-popover-title={labels.title} />
          <button
            type="button"
            data-popover-close
            className="rounded border border-stone-300 px-2 py-0.5 text-sm hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-700"
          >
            {labels.close}
          </button>
        </div>
        <p className="mb-3 font-serif text-stone-900" dir="auto" data-published data-popover-words />
        <div data-popover-evidence />
        <p className="mt-3 text-xs">
          <a href="#" className="underline" data-popover-permalink>
            {labels.permalink}
          </a>
        </p>
      </div>
    </template>
  );
}
