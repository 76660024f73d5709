"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { sendJson } from "@/components/ui/send-json";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { articleImportBody } from "@/lib/import/article-fields";
import { withoutStyleElements } from "@/lib/import/html-article";
import { importFileKind, type ImportFileKind } from "@/lib/import/import-file";
import {
  describeAggregatorImport,
  describeArticleImport,
  type AggregatorImportResult,
} from "@/lib/import/import-result";
import { prepareImport, type PreparedImport } from "@/lib/import/prepare-import";
import { AggregatorStep } from "./aggregator-step";
import { ArticleStep } from "./article-step";
import { ChooseStep } from "./choose-step";
import { ReadingStep } from "./reading-step";

/** Where the dialog is: choosing a file or a paste, reading a file, or confirming an article or a page. */
type Stage =
  | { kind: "choose" }
  | { kind: "reading"; name: string; loaded: number; total: number }
  | (PreparedImport & { origin: string });

/** Parses a saved page in the browser, without its style elements, which the page's CSP would refuse. */
const parseHtml = (html: string) => new DOMParser().parseFromString(withoutStyleElements(html), "text/html");

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
      const prepared = prepareImport(raw, kind, origin, sources, parseHtml);
      setStage({ ...prepared, origin });
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

  async function importArticle() {
    if (stage.kind !== "article") return;
    setSending(true);
    const result = await sendJson<{ id: string }>(
      `/api/stories/${encodeURIComponent(storyId)}/sources`,
      articleImportBody(stage.text, stage.fields),
    );
    setSending(false);
    if (!result.ok) return setError(result.error);
    close();
    router.refresh();
    onImported(result.data.id, describeArticleImport(stage.fields.headline, stage.origin));
  }

  async function importAggregator() {
    if (stage.kind !== "aggregator") return;
    setSending(true);
    const result = await sendJson<AggregatorImportResult>(
      `/api/stories/${encodeURIComponent(storyId)}/sources/aggregator`,
      { text: stage.text },
    );
    setSending(false);
    if (!result.ok) return setError(result.error);
    close();
    router.refresh();
    onImported(null, describeAggregatorImport(result.data));
  }

  const back = () => setStage({ kind: "choose" });
  return (
    <>
      <Button variant="dark" onClick={open}>
        Add sources
      </Button>
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
          <Button variant="close" onClick={close} aria-label="Close">
            ✕
          </Button>
        </div>
        <div className="max-h-[75vh] overflow-y-auto px-5 py-4">
          {error ? <Alert className="mb-3">{error}</Alert> : null}
          {stage.kind === "choose" ? (
            <ChooseStep
              pasteId={`${titleId}-paste`}
              pasted={pasted}
              onPaste={setPasted}
              onContinue={() => prepare(pasted, "text", "the pasted text")}
              onFile={readFile}
            />
          ) : null}
          {stage.kind === "reading" ? <ReadingStep {...stage} /> : null}
          {stage.kind === "article" ? (
            <ArticleStep
              article={stage}
              onChange={(fields) => setStage({ ...stage, fields })}
              sending={sending}
              onImport={importArticle}
              onBack={back}
            />
          ) : null}
          {stage.kind === "aggregator" ? (
            <AggregatorStep
              origin={stage.origin}
              page={stage.page}
              sending={sending}
              onImport={importAggregator}
              onBack={back}
            />
          ) : null}
        </div>
      </dialog>
    </>
  );
}
