// The bench's documents, made of the seed story's text, and keystrokes written the way the editor writes them.
import * as Y from "yjs";
import { parseAggregatorPage } from "../../lib/import/aggregator-page";
import { readArticleMetadata } from "../../lib/import/article-metadata";
import { normaliseArticleText } from "../../lib/import/normalise-text";
import { SUMMARY_FIELD, writeSummaryParagraphs } from "../../lib/story-doc/summary";
import { seedFile } from "../../tests/support/seed-files";
import { random } from "../seeded-random";

/** The Summary of the seed story's aggregator page (000): the demo draft. */
export const demoParagraphs: readonly string[] = parseAggregatorPage(seedFile("000")).summary;
/** Every sentence of the four seed articles (001–004), in order. */
export const sentences: readonly string[] = ["001", "002", "003", "004"].flatMap((id) =>
  normaliseArticleText(readArticleMetadata(seedFile(id)).body)
    .split(/(?<=[.!?”])\s+(?=[A-Z“])/)
    .filter((sentence) => sentence.length > 20),
);
/** What the bench types: the articles' text, one character per keystroke. */
export const typedText = sentences.join(" ");

/** About 1 KB of text (at least 1,000 characters) from the articles, starting at sentence `at`, three sentences to a paragraph. */
export function smallStory(at: number): string[] {
  const paragraphs: string[] = [];
  let length = 0;
  for (let i = at, paragraph: string[] = []; length < 1_000; i++) {
    const sentence = sentences[i % sentences.length]!;
    paragraph.push(sentence);
    length += sentence.length + 1;
    if (paragraph.length === 3 || length >= 1_000) {
      paragraphs.push(paragraph.splice(0).join(" "));
    }
  }
  return paragraphs;
}

/** The encoded state of a draft whose summary is `paragraphs`, as the app's import writes it. */
export function storyState(paragraphs: readonly string[]): Uint8Array {
  const doc = new Y.Doc();
  writeSummaryParagraphs(doc, paragraphs);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** The text node of paragraph `index` of a draft's summary (every paragraph the bench makes has one). */
export function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const fragment = doc.getXmlFragment(SUMMARY_FIELD);
  const paragraph = fragment.get(index % fragment.length);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error(`paragraph ${index} has no text`);
  return text;
}

/** How many paragraphs a draft's summary has. */
export function paragraphCount(doc: Y.Doc): number {
  return doc.getXmlFragment(SUMMARY_FIELD).length;
}

/** Characters in a draft's summary (every paragraph's text), cheaper than its plain text. */
export function summaryLength(doc: Y.Doc): number {
  let length = 0;
  for (const paragraph of doc.getXmlFragment(SUMMARY_FIELD).toArray()) {
    if (!(paragraph instanceof Y.XmlElement)) continue;
    for (const child of paragraph.toArray()) if (child instanceof Y.XmlText) length += child.length;
  }
  return length;
}

/**
 * A caret in one paragraph, as the editor's binding writes a keystroke: one character inserted into the
 * paragraph's Y.XmlText, in its own transaction (the bench's text carries no marks), and the cursor after it as
 * the caret extension publishes it in awareness (y-tiptap's `{ anchor, head }` of Yjs relative positions).
 */
export class Caret {
  private typed = 0;

  constructor(
    readonly doc: Y.Doc,
    private paragraph: number,
    private index: number,
    /** Where in typedText this caret starts reading. */
    private readonly textOffset = 0,
  ) {}

  /** Types the next character; returns what it typed. */
  type(): string {
    const text = paragraphText(this.doc, this.paragraph);
    const character = typedText[(this.textOffset + this.typed) % typedText.length] ?? " ";
    this.index = Math.min(this.index, text.length);
    const at = this.index;
    this.doc.transact(() => text.insert(at, character));
    this.index += 1;
    this.typed += 1;
    return character;
  }

  /** Moves the caret to another place, as a click would. */
  moveTo(paragraph: number, index: number): void {
    this.paragraph = paragraph;
    this.index = index;
  }

  /**
   * The cursor state y-tiptap sets after the keystroke: anchor and head at the caret, as relative positions
   * to the character before it (y-tiptap's absolutePositionToRelativePosition uses assoc -1), so a caret
   * that follows typing is a new position with every character.
   */
  cursor(): { anchor: Y.RelativePosition; head: Y.RelativePosition } {
    const text = paragraphText(this.doc, this.paragraph);
    const at = Math.min(this.index, text.length);
    return {
      anchor: Y.createRelativePositionFromTypeIndex(text, at, -1),
      head: Y.createRelativePositionFromTypeIndex(text, at, -1),
    };
  }
}

/**
 * A draft with `edits` edits of history, each its own transaction, as two editors make them: typing the
 * articles' text (85%), backspacing (10%), starting a paragraph (5%), taking turns in bursts of 20–60 edits, each
 * in a paragraph of their own, synced with each other after every edit. Deterministic. Returns the encoded state
 * and its summary's length.
 */
export function historyState(edits: number, seed = 12): { state: Uint8Array; length: number } {
  const next = random(seed);
  const docs = [new Y.Doc(), new Y.Doc()] as const;
  // Fixed client ids of the size random ones mostly have (five bytes encoded), so that every run stores the same bytes.
  docs[0].clientID = 3_000_000_001;
  docs[1].clientID = 3_000_000_002;
  const forwardTo = (to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (origin !== "remote") Y.applyUpdate(to, update, "remote");
  };
  docs[0].on("update", forwardTo(docs[1]));
  docs[1].on("update", forwardTo(docs[0]));
  const newParagraph = (doc: Y.Doc): number => {
    const fragment = doc.getXmlFragment(SUMMARY_FIELD);
    doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText()]);
      fragment.push([paragraph]);
    });
    return fragment.length - 1;
  };
  const carets = docs.map((doc, who) => ({ doc, paragraph: newParagraph(doc), index: 0, read: who * 5_000 }));
  let made = 2;
  for (let turn = 0; made < edits; turn++) {
    const caret = carets[turn % 2]!;
    for (let burst = 20 + Math.floor(next() * 40); burst > 0 && made < edits; burst--, made++) {
      const text = paragraphText(caret.doc, caret.paragraph);
      const roll = next();
      if (roll < 0.05) {
        caret.paragraph = newParagraph(caret.doc);
        caret.index = 0;
      } else if (roll < 0.15 && caret.index > 0) {
        caret.doc.transact(() => text.delete(caret.index - 1, 1));
        caret.index -= 1;
      } else {
        const character = typedText[caret.read++ % typedText.length] ?? " ";
        caret.doc.transact(() => text.insert(caret.index, character));
        caret.index += 1;
      }
    }
  }
  const state = Y.encodeStateAsUpdate(docs[0]);
  const length = summaryLength(docs[0]);
  for (const doc of docs) doc.destroy();
  return { state, length };
}
