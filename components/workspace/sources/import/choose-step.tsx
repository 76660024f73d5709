"use client";

import { useState, type ChangeEvent, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { FIELD_INPUT } from "@/components/ui/field";
import { MAX_IMPORT_BYTES } from "@/lib/import/import-file";
import { megabytes } from "./megabytes";

/** The first step of "Add sources": drop or choose a file, or paste a text. */
export function ChooseStep({
  pasteId,
  pasted,
  onPaste,
  onContinue,
  onFile,
}: {
  pasteId: string;
  /** The pasted text, kept by the dialog so that "Back" finds it again. */
  pasted: string;
  onPaste: (text: string) => void;
  /** Reads the pasted text. */
  onContinue: () => void;
  onFile: (file: File) => void;
}) {
  const [dragging, setDragging] = useState(false);

  function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file) onFile(file);
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  }

  return (
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
          onContinue();
        }}
        className="space-y-2"
      >
        <label className="block text-sm font-medium text-stone-800" htmlFor={pasteId}>
          Or paste the text of an article or an aggregator page
        </label>
        <textarea
          id={pasteId}
          value={pasted}
          onChange={(event) => onPaste(event.target.value)}
          rows={8}
          className={`${FIELD_INPUT} font-serif`}
          data-testid="source-paste"
        />
        <Button variant="dark" type="submit" disabled={pasted.trim().length === 0}>
          Continue
        </Button>
      </form>
    </div>
  );
}
