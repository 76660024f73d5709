import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import type { FlagKind } from "@/lib/assistant/assistance";

/** A range of the summary's plain text that the editor marks inline for a flag or a claim proposal of the assistant. */
export interface SummaryHighlight {
  /** The flag's id, or the proposal's. */
  flagId: string;
  kind: FlagKind | "proposal";
  start: number;
  end: number;
  /** What the mark means, for its tooltip and for screen readers. */
  description: string;
}

/** Highlights with the plain text their offsets were measured in (lib/story-doc/summary.ts#summaryText). */
export interface SummaryHighlights {
  summary: string;
  highlights: readonly SummaryHighlight[];
}

/** One text node of the editor's document and where it lies in the plain text and in the document. */
interface TextRun {
  offset: number;
  position: number;
  length: number;
}

/**
 * The editor's document flattened by the rule of summaryText (lib/story-doc/summary.ts): text blocks that
 * hold text, separated by "\n"; inline nodes other than text count as nothing. So an offset the assistant
 * computed on the Y.Doc's plain text is the same offset here.
 */
function flatten(doc: ProseMirrorNode): { plain: string; runs: TextRun[] } {
  let plain = "";
  const runs: TextRun[] = [];
  doc.descendants((node, position) => {
    if (!node.isTextblock) return true;
    if (node.textContent.length === 0) return false;
    if (plain.length > 0) plain += "\n";
    node.forEach((child, childOffset) => {
      if (!child.isText || !child.text) return;
      runs.push({ offset: plain.length, position: position + 1 + childOffset, length: child.text.length });
      plain += child.text;
    });
    return false;
  });
  return { plain, runs };
}

/** The document position of a plain-text offset, as the start or the end of a range; null outside any text. */
function positionOf(runs: readonly TextRun[], offset: number, side: "start" | "end"): number | null {
  for (const run of runs) {
    const inside =
      side === "start"
        ? run.offset <= offset && offset < run.offset + run.length
        : run.offset < offset && offset <= run.offset + run.length;
    if (inside) return run.position + (offset - run.offset);
  }
  return null;
}

/**
 * The document positions of a range of the summary's plain text (offsets as summaryText measures them), or
 * null when the range is not within the text.
 */
export function documentRange(doc: ProseMirrorNode, start: number, end: number): { from: number; to: number } | null {
  const { runs } = flatten(doc);
  const from = positionOf(runs, start, "start");
  const to = positionOf(runs, end, "end");
  return from === null || to === null || to <= from ? null : { from, to };
}

/** Check-worthy words the assistant proposes as claims ("Propose claims"); the panel lists them with reasons. */
const PROPOSAL_CLASS = "summary-proposal rounded-sm bg-sky-100/70";

const HIGHLIGHT_CLASS: Record<"citation" | "warning", string> = {
  citation: "summary-flag underline decoration-amber-600 decoration-dotted decoration-2 underline-offset-4",
  warning: "summary-flag underline decoration-red-600 decoration-wavy underline-offset-4",
};

function decorationsOf(
  doc: ProseMirrorNode,
  runs: readonly TextRun[],
  highlights: readonly SummaryHighlight[],
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const highlight of highlights) {
    const from = positionOf(runs, highlight.start, "start");
    const to = positionOf(runs, highlight.end, "end");
    if (from === null || to === null || to <= from) continue;
    // A proposal's words are tinted; its attributes have names of their own, since ProseMirror merges the
    // attributes of decorations on the same words (a proposal is often a sentence that needs a citation).
    if (highlight.kind === "proposal") {
      decorations.push(Decoration.inline(from, to, { class: PROPOSAL_CLASS, "data-proposal-id": highlight.flagId }));
      continue;
    }
    decorations.push(
      Decoration.inline(from, to, {
        class: HIGHLIGHT_CLASS[highlight.kind === "citation_needed" ? "citation" : "warning"],
        title: highlight.description,
        "aria-description": highlight.description,
        "data-flag-id": highlight.flagId,
        "data-flag-kind": highlight.kind,
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

interface HighlightState {
  /** The latest highlights asked for, drawn whenever the document's text is the text they were measured in. */
  wanted: SummaryHighlights | null;
  decorations: DecorationSet;
}

const summaryHighlightsKey = new PluginKey<HighlightState>("summaryHighlights");

/**
 * Inline marks for the assistant's flags on the summary (a dotted underline for "citation needed", a wavy
 * one for other flags), as ProseMirror decorations: they are drawn locally and never written to the shared
 * document. Highlights computed on an older text (the assistant is debounced) are not drawn on a newer one;
 * the marks already shown follow the edits until highlights for the current text arrive.
 */
export const SummaryHighlightsExtension = Extension.create({
  name: "summaryHighlights",

  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: summaryHighlightsKey,
        state: {
          init: () => ({ wanted: null, decorations: DecorationSet.empty }),
          apply(tr, state) {
            const asked = tr.getMeta(summaryHighlightsKey) as SummaryHighlights | undefined;
            if (!asked && !tr.docChanged) return state;
            const wanted = asked ?? state.wanted;
            const { plain, runs } = flatten(tr.doc);
            if (wanted && plain === wanted.summary)
              return { wanted, decorations: decorationsOf(tr.doc, runs, wanted.highlights) };
            return { wanted, decorations: state.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations: (state) => summaryHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
      }),
    ];
  },
});

/** Asks the editor to draw these highlights (see SummaryHighlightsExtension). */
export function showSummaryHighlights(view: EditorView, highlights: SummaryHighlights): void {
  // The new marks redraw the text, and ProseMirror then puts the DOM caret back where its state says. A caret
  // the person has just moved (a click, Ctrl+End) may not be read into the state yet: read it first, or it
  // jumps back. `domObserver` is ProseMirror's own, not in its typings.
  (view as EditorView & { domObserver?: { flush(): void } }).domObserver?.flush();
  view.dispatch(view.state.tr.setMeta(summaryHighlightsKey, highlights).setMeta("addToHistory", false));
}

/** Scrolls the summary to a flag's inline mark and selects its words; false when the mark is not shown. */
export function revealSummaryHighlight(flagId: string): boolean {
  const marks = document.querySelectorAll<HTMLElement>(`.summary-editor [data-flag-id="${CSS.escape(flagId)}"]`);
  const first = marks[0];
  const last = marks[marks.length - 1];
  if (!first || !last) return false;
  first.closest<HTMLElement>(".ProseMirror")?.focus({ preventScroll: true });
  const range = document.createRange();
  range.setStart(first, 0);
  range.setEnd(last, last.childNodes.length);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  first.scrollIntoView({ block: "center", behavior: "smooth" });
  return true;
}
