"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type ChangeEvent, type DragEvent, type FormEvent } from "react";
import { parseAggregatorPage, type AggregatorPage } from "@/lib/import/aggregator-page";
import { BIAS_LABELS, biasLabelSchema, biasLabelText, type BiasLabel } from "@/lib/import/bias-label";
import { withoutStyleElements } from "@/lib/import/html-article";
import {
  articleTextFromFile,
  assertTextContent,
  importFileKind,
  looksLikeAggregatorPage,
  MAX_IMPORT_BYTES,
  type ImportFileKind,
} from "@/lib/import/import-file";
import { plural } from "@/components/ui/plural";
import { sendJson } from "@/components/ui/send-json";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { Alert } from "@/components/ui/alert";

/** The metadata fields of an article, as the form edits them (all text; empty means not stated). */
interface ArticleFields {
  outlet: string;
  url: string;
  headline: string;
  author: string;
  /** "YYYY-MM-DDTHH:mm" in UTC, or empty. */
  publishedAt: string;
  biasLabel: BiasLabel;
  reliabilityLabel: string;
}

type Stage =
  | { kind: "choose" }
  | { kind: "reading"; name: string; loaded: number; total: number }
  | { kind: "article"; origin: string; text: string; fields: ArticleFields; cardNote: string | null }
  | { kind: "aggregator"; origin: string; text: string; page: AggregatorPage };

const inputClass =
  "w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600";
const buttonClass =
  "rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50";
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * "Add sources": upload a .txt, .md or .html file or paste text. An article comes back with the metadata its
 * text states prefilled (and the labels of the aggregator card with the same headline) for the editor to
 * confirm; an aggregator page shows what it holds (cards, summary, perspectives) before it is imported.
 */
export function SourceImport({
  onImported,
}: {
  /** Called after an import with the new article's id (null for an aggregator page) and what was done. */
  onImported: (sourceId: string | null, message: string) => void;
}) {
  const { storyId, sources } = useWorkspace();
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: "choose" });
  const [pasted, setPasted] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [dragging, setDragging] = useState(false);
  const titleId = useId();

  function open() {
    setStage({ kind: "choose" });
    setPasted("");
    setError(null);
    dialogRef.current?.showModal();
  }

  function close() {
    dialogRef.current?.close();
  }

  /** Turns raw text into an article or an aggregator page to confirm, or says why it cannot be imported. */
  function prepare(raw: string, kind: ImportFileKind, origin: string) {
    try {
      assertTextContent(raw, origin);
      if (kind !== "html" && looksLikeAggregatorPage(raw)) {
        setStage({ kind: "aggregator", origin, text: raw, page: parseAggregatorPage(raw) });
        return;
      }
      const { text, metadata } = articleTextFromFile(kind, raw, (html) =>
        new DOMParser().parseFromString(withoutStyleElements(html), "text/html"),
      );
      const card = sources.find(
        (source) =>
          source.kind === "card" &&
          metadata.headline &&
          source.headline?.toLowerCase() === metadata.headline.toLowerCase(),
      );
      setStage({
        kind: "article",
        origin,
        text,
        cardNote: card
          ? `Outlet and labels are taken from the ${card.outlet ?? "aggregator"} card with the same headline.`
          : null,
        fields: {
          outlet: metadata.outlet ?? card?.outlet ?? "",
          url: "",
          headline: metadata.headline ?? "",
          author: metadata.author ?? "",
          publishedAt: metadata.publishedAt ? metadata.publishedAt.toISOString().slice(0, 16) : "",
          biasLabel: biasLabelSchema.catch("unknown").parse(card?.biasLabel),
          reliabilityLabel: card?.reliabilityLabel ?? "",
        },
      });
      setError(null);
    } catch (problem) {
      setStage({ kind: "choose" });
      setError(problem instanceof Error ? problem.message : "This text cannot be imported.");
    }
  }

  function readFile(file: File) {
    let kind: ImportFileKind;
    try {
      kind = importFileKind({ name: file.name, type: file.type, size: file.size });
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : "This file cannot be imported.");
      return;
    }
    setError(null);
    setStage({ kind: "reading", name: file.name, loaded: 0, total: file.size });
    const reader = new FileReader();
    reader.onprogress = (event) =>
      setStage({ kind: "reading", name: file.name, loaded: event.loaded, total: event.total || file.size });
    reader.onerror = () => {
      setStage({ kind: "choose" });
      setError(`“${file.name}” could not be read.`);
    };
    reader.onload = () => prepare(String(reader.result ?? ""), kind, file.name);
    reader.readAsText(file);
  }

  function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file) readFile(file);
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) readFile(file);
  }

  async function importArticle(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (stage.kind !== "article") return;
    setSending(true);
    const { fields } = stage;
    const result = await sendJson<{ id: string }>(`/api/stories/${encodeURIComponent(storyId)}/sources`, {
      text: stage.text,
      ...fields,
      publishedAt: fields.publishedAt ? `${fields.publishedAt}:00Z` : "",
    });
    setSending(false);
    if (!result.ok) return setError(result.error);
    close();
    router.refresh();
    onImported(result.data.id, `Imported “${fields.headline || stage.origin}”.`);
  }

  async function importAggregator() {
    if (stage.kind !== "aggregator") return;
    setSending(true);
    const result = await sendJson<{
      cardsAdded: number;
      cardsSkipped: number;
      summaryWritten: boolean;
      perspectives: number;
      pending?: string;
    }>(`/api/stories/${encodeURIComponent(storyId)}/sources/aggregator`, { text: stage.text });
    setSending(false);
    if (!result.ok) return setError(result.error);
    const { cardsAdded, cardsSkipped, summaryWritten, perspectives, pending } = result.data;
    close();
    router.refresh();
    onImported(
      null,
      [
        `${plural(cardsAdded, "source card")} added`,
        cardsSkipped ? `${cardsSkipped} already in the story` : null,
        summaryWritten
          ? "the summary became the draft"
          : pending
            ? null
            : "the draft already had a summary, so it was kept",
        plural(perspectives, "perspective"),
      ]
        .filter(Boolean)
        .join(" · ") + (pending ? `. ${pending}` : "."),
    );
  }

  function setField<K extends keyof ArticleFields>(key: K, value: ArticleFields[K]) {
    if (stage.kind === "article") setStage({ ...stage, fields: { ...stage.fields, [key]: value } });
  }

  return (
    <>
      <button type="button" onClick={open} className={`${buttonClass} bg-stone-800 text-white hover:bg-stone-700`}>
        Add sources
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-[min(44rem,calc(100vw-2rem))] rounded-lg border border-stone-300 p-0 shadow-xl backdrop:bg-stone-900/40"
        data-testid="source-import"
        onClose={() => setError(null)}
      >
        <div className="flex items-center justify-between border-b border-stone-200 px-5 py-3">
          <h2 id={titleId} className="font-serif text-xl font-semibold">
            Add sources
          </h2>
          <button
            type="button"
            onClick={close}
            className={`${buttonClass} text-stone-600 hover:bg-stone-100`}
            aria-label="Close"
          >
            ✕
          </button>
        </div>
        <div className="max-h-[75vh] overflow-y-auto px-5 py-4">
          {error ? <Alert className="mb-3">{error}</Alert> : null}

          {stage.kind === "choose" ? (
            <div className="space-y-4">
              <label
                onDragOver={(event) => {
                  event.preventDefault();
                  setDragging(true);
                }}
                onDragLeave={() => setDragging(false)}
                onDrop={onDrop}
                className={`flex cursor-pointer flex-col items-center gap-1 rounded-lg border-2 border-dashed px-4 py-6 text-center text-sm focus-within:outline-2 focus-within:outline-blue-600 ${
                  dragging ? "border-blue-500 bg-blue-50" : "border-stone-300 bg-stone-50 hover:bg-stone-100"
                }`}
              >
                <span className="font-medium text-stone-800">Upload an article or an aggregator page</span>
                <span className="text-stone-600">
                  Drop a file here or choose one: .txt, .md or .html, up to {megabytes(MAX_IMPORT_BYTES)}.
                </span>
                <input
                  type="file"
                  accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                  onChange={onFileChosen}
                  className="sr-only"
                  data-testid="source-file"
                />
              </label>
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  prepare(pasted, "text", "the pasted text");
                }}
                className="space-y-2"
              >
                <label className="block text-sm font-medium text-stone-800" htmlFor={`${titleId}-paste`}>
                  Or paste the text of an article or an aggregator page
                </label>
                <textarea
                  id={`${titleId}-paste`}
                  value={pasted}
                  onChange={(event) => setPasted(event.target.value)}
                  rows={8}
                  className={`${inputClass} font-serif`}
                  data-testid="source-paste"
                />
                <button
                  type="submit"
                  disabled={pasted.trim().length === 0}
                  className={`${buttonClass} bg-stone-800 text-white hover:bg-stone-700`}
                >
                  Continue
                </button>
              </form>
            </div>
          ) : null}

          {stage.kind === "reading" ? (
            <div role="status" className="space-y-2 text-sm">
              <p>
                Reading “{stage.name}”… {megabytes(stage.loaded)} of {megabytes(stage.total)}
              </p>
              <progress
                max={stage.total || 1}
                value={stage.loaded}
                className="w-full"
                aria-label={`Reading ${stage.name}`}
              />
            </div>
          ) : null}

          {stage.kind === "article" ? (
            <form onSubmit={importArticle} className="space-y-3" aria-label="Article to import">
              <p className="text-sm text-stone-600">
                An article from {stage.origin}: {stage.text.split(/\s+/).length.toLocaleString("en")} words. Check what
                its text states and fill in the rest.
              </p>
              {stage.cardNote ? (
                <p className="rounded bg-blue-50 px-3 py-2 text-sm text-blue-900">{stage.cardNote}</p>
              ) : null}
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label="Headline" className="sm:col-span-2">
                  {(id) => (
                    <input
                      id={id}
                      value={stage.fields.headline}
                      onChange={(e) => setField("headline", e.target.value)}
                      className={inputClass}
                    />
                  )}
                </Field>
                <Field label="Outlet">
                  {(id) => (
                    <input
                      id={id}
                      value={stage.fields.outlet}
                      onChange={(e) => setField("outlet", e.target.value)}
                      className={inputClass}
                    />
                  )}
                </Field>
                <Field label="Author">
                  {(id) => (
                    <input
                      id={id}
                      value={stage.fields.author}
                      onChange={(e) => setField("author", e.target.value)}
                      className={inputClass}
                    />
                  )}
                </Field>
                <Field label="Published (UTC)">
                  {(id) => (
                    <input
                      id={id}
                      type="datetime-local"
                      value={stage.fields.publishedAt}
                      onChange={(e) => setField("publishedAt", e.target.value)}
                      className={inputClass}
                    />
                  )}
                </Field>
                <Field label="Link to the original">
                  {(id) => (
                    <input
                      id={id}
                      type="url"
                      value={stage.fields.url}
                      onChange={(e) => setField("url", e.target.value)}
                      placeholder="https://"
                      className={inputClass}
                    />
                  )}
                </Field>
                <Field label="Bias label">
                  {(id) => (
                    <select
                      id={id}
                      value={stage.fields.biasLabel}
                      onChange={(e) => setField("biasLabel", biasLabelSchema.parse(e.target.value))}
                      className={inputClass}
                    >
                      {BIAS_LABELS.map((label) => (
                        <option key={label} value={label}>
                          {biasLabelText(label)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="Reliability label">
                  {(id) => (
                    <input
                      id={id}
                      value={stage.fields.reliabilityLabel}
                      onChange={(e) => setField("reliabilityLabel", e.target.value)}
                      placeholder="e.g. Reliable"
                      className={inputClass}
                    />
                  )}
                </Field>
              </div>
              <details className="rounded border border-stone-200 bg-stone-50 px-3 py-2 text-sm">
                <summary className="cursor-pointer font-medium">The text as it will be stored</summary>
                <div className="mt-2 max-h-64 space-y-2 overflow-y-auto font-serif" data-testid="import-preview">
                  {stage.text.split("\n\n").map((paragraph, i) => (
                    <p key={i}>{paragraph}</p>
                  ))}
                </div>
              </details>
              <ImportActions sending={sending} label="Import article" onBack={() => setStage({ kind: "choose" })} />
            </form>
          ) : null}

          {stage.kind === "aggregator" ? (
            <div className="space-y-3 text-sm" aria-label="Aggregator page to import">
              <p className="text-stone-600">An aggregator page from {stage.origin}:</p>
              <h3 className="font-serif text-lg font-semibold">{stage.page.headline}</h3>
              <div>
                <h4 className="font-medium">{stage.page.cards.length} source cards</h4>
                <ul className="mt-1 space-y-1">
                  {stage.page.cards.map((card) => (
                    <li key={`${card.outlet}-${card.headline}`} className="flex flex-wrap gap-1.5">
                      <span className="font-semibold">{card.outlet}</span>
                      <span className="rounded bg-stone-100 px-1.5 text-stone-700">
                        {biasLabelText(card.biasLabel)}
                      </span>
                      <span className="rounded bg-emerald-50 px-1.5 text-emerald-800">{card.reliabilityLabel}</span>
                      <span className="text-stone-700">{card.headline}</span>
                    </li>
                  ))}
                </ul>
              </div>
              <p>
                <span className="font-medium">Summary:</span> {plural(stage.page.summary.length, "paragraph")}, the
                draft&apos;s summary if it has none yet.
              </p>
              <p>
                <span className="font-medium">Perspectives:</span> {stage.page.perspectives.length}, kept with the
                story.
              </p>
              <ImportActions
                sending={sending}
                label="Import page"
                onBack={() => setStage({ kind: "choose" })}
                onImport={importAggregator}
              />
            </div>
          ) : null}
        </div>
      </dialog>
    </>
  );
}

/** A labelled field of the article form; the label names the control by id, so its name is the label alone. */
function Field({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: (id: string) => React.ReactNode;
}) {
  const id = useId();
  return (
    <div className={`space-y-1 text-sm ${className}`}>
      <label htmlFor={id} className="block font-medium text-stone-700">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

function ImportActions({
  sending,
  label,
  onBack,
  onImport,
}: {
  sending: boolean;
  label: string;
  onBack: () => void;
  /** For a button outside a form; inside one the button submits it. */
  onImport?: () => void;
}) {
  return (
    <div className="flex items-center gap-2 pt-1">
      <button
        type={onImport ? "button" : "submit"}
        onClick={onImport}
        disabled={sending}
        className={`${buttonClass} bg-blue-700 text-white hover:bg-blue-800`}
      >
        {sending ? "Importing…" : label}
      </button>
      <button
        type="button"
        onClick={onBack}
        disabled={sending}
        className={`${buttonClass} text-stone-700 hover:bg-stone-100`}
      >
        Back
      </button>
      {sending ? (
        <span role="status" className="text-sm text-stone-600">
          Sending the text to the newsroom…
        </span>
      ) : null}
    </div>
  );
}
