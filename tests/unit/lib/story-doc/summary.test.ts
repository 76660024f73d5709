import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readSummaryParagraphs, SUMMARY_FIELD, writeSummaryParagraphs } from "@/lib/story-doc/summary";

describe("story summary in a Y.Doc", () => {
  it("writes paragraphs that read back, and survive an update round trip", () => {
    const doc = new Y.Doc();
    writeSummaryParagraphs(doc, ["First paragraph.", "Second “quoted” one."]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readSummaryParagraphs(copy)).toEqual(["First paragraph.", "Second “quoted” one."]);
  });

  it("stores paragraphs as the ProseMirror nodes Tiptap binds to", () => {
    const doc = new Y.Doc();
    writeSummaryParagraphs(doc, ["One."]);
    const first = doc.getXmlFragment(SUMMARY_FIELD).get(0);
    expect(first).toBeInstanceOf(Y.XmlElement);
    expect((first as Y.XmlElement).nodeName).toBe("paragraph");
  });

  it("replaces the previous summary and drops formatting when reading", () => {
    const doc = new Y.Doc();
    writeSummaryParagraphs(doc, ["Old."]);
    writeSummaryParagraphs(doc, ["New text."]);
    const text = (doc.getXmlFragment(SUMMARY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.format(0, 3, { bold: true });
    expect(readSummaryParagraphs(doc)).toEqual(["New text."]);
  });
});
