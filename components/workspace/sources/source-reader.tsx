"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { biasLabelSchema, biasLabelText } from "@/lib/import/bias-label";
import { outletLabel } from "@/lib/sources/source-label";
import type { WorkspaceSource } from "@/lib/sources/workspace-source";
import { EvidenceForm } from "./evidence-form";
import { SourceImport } from "./import/source-import";
import { SourceCorrection } from "./source-correction";
import { SourceRemoval } from "./source-removal";
import { SourceVisibility } from "./source-visibility";
import { useAddEvidence, type SourcePassage } from "./use-add-evidence";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The paragraphs of a normalised source text with the offset each starts at. */
function paragraphsOf(text: string): Array<{ offset: number; text: string }> {
  const paragraphs: Array<{ offset: number; text: string }> = [];
  let offset = 0;
  for (const paragraph of text.split("\n\n")) {
    paragraphs.push({ offset, text: paragraph });
    offset += paragraph.length + 2;
  }
  return paragraphs;
}

/** The offset in the source text of a DOM point inside the reader, or null outside it. */
function offsetOf(container: HTMLElement, node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const paragraph = element?.closest<HTMLElement>("[data-offset]");
  if (!paragraph || !container.contains(paragraph)) return null;
  const range = document.createRange();
  range.setStart(paragraph, 0);
  range.setEnd(node, offset);
  return Number(paragraph.dataset.offset) + range.toString().length;
}

/**
 * The sources of a story: pick one to read it in full with its outlet, labels, headline and date; select a
 * passage and choose "Add as evidence" to attach it to the active claim. Editors add sources here and correct
 * a source's text; the aggregator page's perspectives are listed below.
 */
export function SourceReader({ perspectives }: { perspectives: string[] }) {
  const { sources, activeClaim } = useWorkspace();
  const onAddEvidence = useAddEvidence();
  const [chosenId, setSourceId] = useState(sources.find((candidate) => !candidate.hidden)?.id ?? "");
  const [passage, setPassage] = useState<SourcePassage | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  // A source imported a moment ago is chosen once the refreshed list holds it; until then, the first shown.
  const source =
    sources.find((candidate) => candidate.id === chosenId) ??
    sources.find((candidate) => !candidate.hidden) ??
    sources[0];
  const sourceId = source?.id ?? "";
  const paragraphs = useMemo(() => paragraphsOf(source?.text ?? ""), [source]);

  const readSelection = useCallback(() => {
    const container = textRef.current;
    const selection = document.getSelection();
    if (!container || !source || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    const start = offsetOf(container, range.startContainer, range.startOffset);
    const end = offsetOf(container, range.endContainer, range.endOffset);
    if (start === null || end === null) return;
    let from = Math.min(start, end);
    let to = Math.max(start, end);
    while (from < to && /\s/.test(source.text[from] ?? "")) from++;
    while (to > from && /\s/.test(source.text[to - 1] ?? "")) to--;
    if (to > from) setPassage({ sourceId: source.id, start: from, end: to });
  }, [source]);

  useEffect(() => {
    document.addEventListener("selectionchange", readSelection);
    return () => document.removeEventListener("selectionchange", readSelection);
  }, [readSelection]);

  const bias = biasLabelSchema.catch("unknown").parse(source?.biasLabel);
  const shown = sources.filter((candidate) => !candidate.hidden);
  const hiddenSources = sources.filter((candidate) => candidate.hidden);
  return (
    <section aria-labelledby="sources-heading" className="flex min-h-0 flex-col">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="sources-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-500">
          Sources ({shown.length})
          {hiddenSources.length > 0 ? (
            <span className="font-normal normal-case tracking-normal"> · {hiddenSources.length} hidden</span>
          ) : null}
        </h2>
        <SourceImport
          onImported={(importedId, message) => {
            if (importedId) setSourceId(importedId);
            setCorrecting(false);
            setNotice(message);
          }}
        />
        {sources.length > 0 ? (
          <label className="flex items-center gap-2 text-sm">
            <span className="sr-only">Source</span>
            <select
              value={sourceId}
              onChange={(event) => {
                setSourceId(event.target.value);
                setPassage(null);
                setCorrecting(false);
              }}
              className="max-w-72 rounded border border-stone-300 bg-white px-2 py-1 focus-visible:outline-2 focus-visible:outline-blue-600"
              data-testid="source-select"
            >
              {shown.map((candidate) => (
                <SourceOption key={candidate.id} source={candidate} />
              ))}
              {hiddenSources.length > 0 ? (
                <optgroup label="Hidden from the workspace">
                  {hiddenSources.map((candidate) => (
                    <SourceOption key={candidate.id} source={candidate} />
                  ))}
                </optgroup>
              ) : null}
            </select>
          </label>
        ) : null}
      </div>
      {source ? (
        <article
          className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
          data-testid="source-reader"
          data-source-id={source.id}
        >
          <header className="mb-3 border-b border-stone-100 pb-3">
            <div className="flex flex-wrap items-center gap-1.5 text-xs">
              <span className="font-semibold text-stone-800">{outletLabel(source)}</span>
              <span className="rounded bg-stone-100 px-1.5 py-0.5 text-stone-700">{biasLabelText(bias)}</span>
              {source.reliabilityLabel ? (
                <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-800">{source.reliabilityLabel}</span>
              ) : null}
              <span className="text-stone-500">{source.kind === "card" ? "Aggregator card" : "Article"}</span>
              {source.revision > 1 ? (
                <span className="text-stone-500">· Corrected (revision {source.revision})</span>
              ) : null}
              {source.hidden ? (
                <span className="rounded bg-stone-200 px-1.5 py-0.5 text-stone-800">
                  Hidden from the workspace: the assistant leaves it out
                </span>
              ) : null}
              {correcting ? null : (
                <button
                  type="button"
                  onClick={() => {
                    setCorrecting(true);
                    setPassage(null);
                    setNotice(null);
                  }}
                  className="ml-auto rounded px-2 py-0.5 text-stone-700 underline hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
                >
                  Correct text
                </button>
              )}
              {correcting ? null : (
                <SourceVisibility key={`visibility-${source.id}`} source={source} onChanged={setNotice} />
              )}
              {correcting ? null : (
                <SourceRemoval key={source.id} source={source} onRemoved={(message) => setNotice(message)} />
              )}
            </div>
            <h3 className="mt-1 font-serif text-lg font-semibold">{source.headline ?? "Untitled"}</h3>
            <p className="text-xs text-stone-500">
              {[
                source.author,
                source.publishedAt
                  ? dateFormat.format(new Date(source.publishedAt))
                  : source.statedAge
                    ? `${source.statedAge} ago`
                    : "Date not stated",
              ]
                .filter(Boolean)
                .join(" · ")}
              {source.url ? (
                <>
                  {" · "}
                  <a href={source.url} className="text-blue-800 underline" rel="noreferrer noopener" target="_blank">
                    Original
                  </a>
                </>
              ) : null}
            </p>
          </header>
          {source.history.length > 1 ? (
            <details className="mb-3 text-xs text-stone-600" data-testid="source-history">
              <summary className="cursor-pointer">History of this text ({source.history.length} revisions)</summary>
              <ol className="mt-1 space-y-1 pl-4">
                {source.history.map((revision) => (
                  <li key={revision.number}>
                    <span className="font-medium">Revision {revision.number}</span> ·{" "}
                    {dateFormat.format(new Date(revision.at))} UTC
                    {revision.by ? ` · ${revision.by}` : ""}
                    {revision.note ? ` · ${revision.note}` : revision.number === 1 ? " · imported" : ""}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
          {notice ? (
            <p
              role="status"
              className="mb-3 rounded bg-blue-50 px-3 py-2 text-sm text-blue-900"
              data-testid="source-notice"
            >
              {notice}
            </p>
          ) : null}
          {correcting ? (
            <SourceCorrection
              key={source.id}
              source={source}
              onCancel={() => setCorrecting(false)}
              onDone={(message) => {
                setCorrecting(false);
                setNotice(message);
              }}
            />
          ) : (
            // Focusable so that the text scrolls from the keyboard too.
            <div
              ref={textRef}
              tabIndex={0}
              role="region"
              aria-label={`Text of ${source.headline ? `“${source.headline}”` : "the source"}`}
              className="max-h-[60vh] space-y-3 overflow-y-auto pr-1 font-serif leading-relaxed focus-visible:outline-2 focus-visible:outline-blue-600"
              data-testid="source-text"
            >
              {paragraphs.map((paragraph) => (
                <p key={paragraph.offset} data-offset={paragraph.offset}>
                  {paragraph.text}
                </p>
              ))}
            </div>
          )}
          {correcting ? null : passage && passage.sourceId === source.id ? (
            <EvidenceForm
              passage={source.text.slice(passage.start, passage.end)}
              activeClaimText={activeClaim?.span?.text ?? null}
              onCancel={() => {
                setPassage(null);
                document.getSelection()?.removeAllRanges();
              }}
              onAdd={(stance, note) => {
                const problem = onAddEvidence(passage, stance, note);
                if (!problem) {
                  setPassage(null);
                  document.getSelection()?.removeAllRanges();
                }
                return problem;
              }}
            />
          ) : (
            <p className="mt-3 text-xs text-stone-500">Select a passage to add it as evidence to the active claim.</p>
          )}
        </article>
      ) : (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-sm text-stone-600">
          {notice ? (
            <p role="status" className="mb-2 text-blue-900">
              {notice}
            </p>
          ) : null}
          This story has no sources yet. Choose <span className="font-medium">Add sources</span> to upload or paste the
          articles it is written from, or an aggregator page.
        </div>
      )}
      {perspectives.length > 0 ? (
        <details
          className="mt-4 rounded-lg border border-stone-200 bg-white p-3 text-sm shadow-sm"
          data-testid="perspectives"
        >
          <summary className="cursor-pointer font-semibold text-stone-700">
            Perspectives ({perspectives.length})
          </summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 font-serif text-stone-800">
            {perspectives.map((perspective) => (
              <li key={perspective}>{perspective}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** A source in the picker: its outlet and headline, and whether it is an aggregator's card. */
function SourceOption({ source }: { source: WorkspaceSource }) {
  return (
    <option value={source.id}>
      {outletLabel(source)} — {source.headline ?? "Untitled"}
      {source.kind === "card" ? " (card)" : ""}
    </option>
  );
}
