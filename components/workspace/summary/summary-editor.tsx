"use client";

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useCallback, useEffect, useMemo, useState, type MouseEvent } from "react";
import { useStoryDoc, useWorkspace } from "@/components/workspace/workspace-context";
import type { ClaimStatus } from "@/lib/claims/claim-schema";
import { createClaim } from "@/lib/claims/story-claims";
import { SUMMARY_FIELD } from "@/lib/story-doc/summary";
import { ClaimMark, MARK_CLAIM_EVENT } from "./claim-mark";
import { documentNonce } from "./document-nonce";
import {
  documentRange,
  showSummaryHighlights,
  SummaryHighlightsExtension,
  type SummaryHighlights,
} from "./summary-highlights";

/**
 * Words of the summary to mark as a claim instead of the selection (the assistant's proposals): a range of
 * its plain text and the words expected there. Sent as the detail of MARK_CLAIM_EVENT.
 */
export interface MarkClaimRange {
  start: number;
  end: number;
  text: string;
}

/**
 * The live summary of a story: rich text bound to the story's Y.Doc, with collaborators' named carets and
 * the story's claims highlighted by status and the assistant's marks (citation needed, quotations no source
 * has) drawn inline. Selected words become a claim with the toolbar button or Ctrl+Alt+C (⌘⌥C); clicking a
 * highlight selects its claim.
 */
export function SummaryEditor({
  highlights,
}: {
  /** The assistant's inline marks, or null while it has not read the draft. */
  highlights: SummaryHighlights | null;
}) {
  const { doc, provider } = useStoryDoc();
  const { user, claims, review, activeClaimId, selectClaim: onSelectClaim } = useWorkspace();
  // Highlights show the status that counts: the server's, from recorded decisions, once it is known.
  const claimStatuses = useMemo(
    () => new Map(claims.map((claim) => [claim.id, review?.claims.get(claim.id)?.status ?? claim.status])),
    [claims, review],
  );
  const [message, setMessage] = useState<string | null>(null);
  // Tiptap's own stylesheet and the highlights' <style> need the page's CSP nonce to apply.
  const [nonce] = useState(documentNonce);

  const editor = useEditor(
    {
      immediatelyRender: false,
      injectNonce: nonce,
      extensions: [
        // Undo and redo come from the collaboration extension, which only undoes your own edits.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: doc, field: SUMMARY_FIELD }),
        CollaborationCaret.configure({ provider, user: { name: user.name, color: user.color } }),
        ClaimMark,
        SummaryHighlightsExtension,
      ],
      editorProps: {
        attributes: {
          "aria-label": "Summary",
          "aria-multiline": "true",
          role: "textbox",
          "data-testid": "summary-editor",
          class: "font-serif text-lg leading-relaxed",
        },
      },
    },
    [doc, provider],
  );

  const markClaim = useCallback(
    (range?: MarkClaimRange) => {
      if (!editor) return;
      let { from, to, empty } = editor.state.selection;
      if (range) {
        // A proposal measured on an older text is refused rather than put on other words.
        const found = documentRange(editor.state.doc, range.start, range.end);
        if (!found || editor.state.doc.textBetween(found.from, found.to, "\n") !== range.text) {
          setMessage("The summary has changed since these words were proposed.");
          return;
        }
        ({ from, to } = found);
        empty = false;
      }
      const selected = editor.state.doc.textBetween(from, to, "\n");
      if (empty || selected.trim().length === 0) {
        setMessage("Select the words of the claim in the summary first.");
        return;
      }
      // Leading and trailing spaces of a selection are not part of the claim.
      const start = from + (selected.length - selected.trimStart().length);
      const end = to - (selected.length - selected.trimEnd().length);
      const id = crypto.randomUUID();
      createClaim(doc, { id, by: { id: user.id, name: user.name }, at: new Date() });
      editor.chain().setTextSelection({ from: start, to: end }).setMark("claim", { id }).setTextSelection(end).run();
      setMessage(null);
      onSelectClaim(id);
    },
    [editor, doc, user.id, user.name, onSelectClaim],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const element = editor.view.dom;
    const onMark = (event: Event) => markClaim((event as CustomEvent<MarkClaimRange | null>).detail ?? undefined);
    element.addEventListener(MARK_CLAIM_EVENT, onMark);
    return () => element.removeEventListener(MARK_CLAIM_EVENT, onMark);
  }, [editor, markClaim]);

  useEffect(() => {
    if (editor && !editor.isDestroyed && highlights) showSummaryHighlights(editor.view, highlights);
  }, [editor, highlights]);

  useEffect(() => {
    if (activeClaimId) {
      const highlight = document.querySelector(`[data-claim-id="${CSS.escape(activeClaimId)}"]`);
      highlight?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  }, [activeClaimId, editor]);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const highlight = (event.target as HTMLElement).closest<HTMLElement>("[data-claim-id]");
    // Only a known claim can be selected: a mark's id comes from the shared document, which anyone may write.
    const id = highlight?.dataset.claimId;
    if (id && claimStatuses.has(id)) onSelectClaim(id);
  }

  return (
    <div>
      <style nonce={nonce}>{highlightStyles(claimStatuses, activeClaimId)}</style>
      <div
        role="toolbar"
        aria-label="Summary tools"
        className="mb-3 flex flex-wrap items-center gap-2 border-b border-stone-100 pb-3"
      >
        <button
          type="button"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => markClaim()}
          aria-keyshortcuts="Control+Alt+C Meta+Alt+C"
          title="Mark the selected words as a claim (Ctrl+Alt+C)"
          className="rounded border border-stone-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          Mark as claim
        </button>
        <span className="text-xs text-stone-500">Select words, then Ctrl+Alt+C</span>
        {message ? (
          <span role="status" className="text-sm text-amber-800">
            {message}
          </span>
        ) : null}
      </div>
      {/* Clicks on highlights are a mouse shortcut; keyboard users select claims in the claims panel. */}
      <div onClick={onClick}>
        <EditorContent editor={editor} className="summary-editor" />
      </div>
    </div>
  );
}

const STATUS_COLOURS: Record<ClaimStatus, [string, string]> = {
  draft: ["var(--color-amber-100)", "var(--color-amber-500)"],
  needs_review: ["var(--color-sky-100)", "var(--color-sky-600)"],
  approved: ["var(--color-emerald-100)", "var(--color-emerald-600)"],
  rejected: ["var(--color-red-100)", "var(--color-red-600)"],
};

/** CSS colouring each claim's highlight by its status. Ids come from validated claims (letters, digits, - and _). */
function highlightStyles(statuses: Map<string, ClaimStatus>, activeClaimId: string | null): string {
  const rules = [...statuses].map(
    ([id, status]) =>
      `.summary-editor [data-claim-id="${id}"]{background-color:${STATUS_COLOURS[status][0]};border-color:${STATUS_COLOURS[status][1]}}`,
  );
  if (activeClaimId && statuses.has(activeClaimId))
    rules.push(`.summary-editor [data-claim-id="${activeClaimId}"]{outline:2px solid var(--color-stone-900)}`);
  return rules.join("\n");
}
