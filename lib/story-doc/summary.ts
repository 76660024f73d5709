import * as Y from "yjs";
import * as z from "zod";

/** The name of the XML fragment in a story's Y.Doc that holds the summary (Tiptap's collaboration field). */
export const SUMMARY_FIELD = "summary";

/** What a story's draft accepts as an imported summary: 1 to 500 non-empty paragraphs of up to 20,000 characters. */
export const importedSummarySchema = z
  .array(z.string().trim().min(1).max(20_000, "A Summary paragraph of the page is over 20,000 characters."))
  .min(1)
  .max(500, "The page's Summary has more than 500 paragraphs.");

/**
 * Replaces the summary of a story document with plain paragraphs, in one transaction. Used to create the
 * first draft of a story (the demo seed, an imported aggregator summary); live edits go through the editor.
 * @example writeSummaryParagraphs(doc, ["First paragraph.", "Second."])
 */
export function writeSummaryParagraphs(doc: Y.Doc, paragraphs: readonly string[]): void {
  const fragment = doc.getXmlFragment(SUMMARY_FIELD);
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      paragraphs.map((text) => {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(text)]);
        return paragraph;
      }),
    );
  });
}

/** One text node of the summary and where its text starts in the summary's plain text. */
export interface SummarySegment {
  text: Y.XmlText;
  /** Offset of the node's first character in the plain text. */
  offset: number;
  length: number;
}

/** The summary as plain text and the text nodes it is made of, in document order. */
export interface SummaryText {
  plain: string;
  segments: SummarySegment[];
}

/**
 * How deep summaryText reads the summary's nodes: the fragment is level 0, its paragraphs level 1, the
 * paragraph of a list item in a list nested in a list item level 5. Nodes deeper than this are skipped: no
 * summary the editor makes comes near it, and a raw client can nest elements thousands deep.
 */
export const SUMMARY_MAX_DEPTH = 64;

/**
 * Flattens the summary of a story document into plain text, keeping where each Y.XmlText starts. Text
 * blocks (paragraph, heading, list item) that hold text are separated by "\n"; empty blocks and inline
 * nodes count as nothing; formatting is dropped; nodes deeper than SUMMARY_MAX_DEPTH are skipped. The editor
 * flattens its ProseMirror document by the same rule (components/workspace/summary/summary-highlights.ts), so plain-text offsets
 * agree on both sides. Never throws, whatever shape a client wrote.
 */
export function summaryText(doc: Y.Doc): SummaryText {
  const segments: SummarySegment[] = [];
  let plain = "";
  // An explicit stack rather than recursion, so no nesting can overflow the call stack; children are pushed
  // last first, so that they are read in document order.
  const stack: Array<{ node: Y.XmlElement | Y.XmlFragment; depth: number }> = [
    { node: doc.getXmlFragment(SUMMARY_FIELD), depth: 0 },
  ];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const children = next.node.toArray();
    const texts = children.filter((child): child is Y.XmlText => child instanceof Y.XmlText);
    if (texts.length > 0) {
      if (texts.every((text) => text.length === 0)) continue;
      if (plain.length > 0) plain += "\n";
      for (const text of texts) {
        segments.push({ text, offset: plain.length, length: text.length });
        plain += textOf(text);
      }
      continue;
    }
    if (next.depth === SUMMARY_MAX_DEPTH) continue;
    for (const child of children.reverse()) {
      if (child instanceof Y.XmlElement) stack.push({ node: child, depth: next.depth + 1 });
    }
  }
  return { plain, segments };
}

/** The summary of a story document as plain text, one entry per text block, formatting dropped. */
export function readSummaryParagraphs(doc: Y.Doc): string[] {
  const { plain, segments } = summaryText(doc);
  return segments.length === 0 ? [] : plain.split("\n");
}

function textOf(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === "string" ? op.insert : ""))
    .join("");
}
