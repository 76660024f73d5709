import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { claimSpans, markClaimSpan, unmarkClaimSpan } from "@/lib/anchoring/claim-spans";
import { dismissalsMap, dismissFlag, readDismissals } from "@/lib/assistant/dismissals";
import { readSourceRevisions, recordSourceRevision, SOURCE_REVISIONS_FIELD } from "@/lib/story-doc/source-revisions";
import {
  readSummaryParagraphs,
  SUMMARY_FIELD,
  SUMMARY_MAX_DEPTH,
  summaryText,
  writeSummaryParagraphs,
} from "@/lib/story-doc/summary";
import { HOSTILE_DEPTH, nestElements, nestMaps } from "../../../support/hostile-document";

const SUMMARY = [
  "The CIA has released two Mandarin-language recruitment videos targeting disillusioned Chinese officials.",
  "Chinese officials have yet to respond.",
];
const MAYA = { id: "u-maya", name: "Maya Chen" };

/** The seed story's summary, then what a raw client appended: XmlElements nested HOSTILE_DEPTH deep. */
function summaryWithDeepNesting(): Y.Doc {
  const doc = new Y.Doc();
  writeSummaryParagraphs(doc, SUMMARY);
  const replica = new Y.Doc();
  nestElements(replica.getXmlFragment(SUMMARY_FIELD), HOSTILE_DEPTH);
  // Through an update, as the collaboration server or a reader gets it.
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(replica));
  return doc;
}

describe("summary readers against a hostile shape", () => {
  it("reads the summary's text past XmlElements nested 20,000 deep, without their words", () => {
    const doc = summaryWithDeepNesting();
    expect(() => summaryText(doc)).not.toThrow();
    expect(summaryText(doc).plain).toBe(SUMMARY.join("\n"));
    expect(readSummaryParagraphs(doc)).toEqual(SUMMARY);
  });

  it("finds, marks and unmarks claims in such a summary", () => {
    const doc = summaryWithDeepNesting();
    markClaimSpan(doc, "claim-1", 0, 7);
    expect(claimSpans(doc).get("claim-1")).toEqual({ start: 0, end: 7, text: "The CIA" });
    unmarkClaimSpan(doc, "claim-1");
    expect(claimSpans(doc).size).toBe(0);
  });

  it(`reads text ${SUMMARY_MAX_DEPTH} levels deep and skips what lies deeper`, () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(SUMMARY_FIELD);
    nestElements(fragment, SUMMARY_MAX_DEPTH, "Deepest readable item.");
    nestElements(fragment, SUMMARY_MAX_DEPTH + 1, "One level too deep.");
    expect(readSummaryParagraphs(doc)).toEqual(["Deepest readable item."]);
  });

  it("reads nested lists in document order, as before", () => {
    const doc = new Y.Doc();
    const list = new Y.XmlElement("bulletList");
    const items = ["First item.", "Second item."].map((words) => {
      const item = new Y.XmlElement("listItem");
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(words)]);
      item.insert(0, [paragraph]);
      return item;
    });
    list.insert(0, items);
    const after = new Y.XmlElement("paragraph");
    after.insert(0, [new Y.XmlText("After the list.")]);
    const empty = new Y.XmlElement("paragraph");
    empty.insert(0, [new Y.XmlText("")]);
    doc.getXmlFragment(SUMMARY_FIELD).insert(0, [list, empty, after]);
    const text = summaryText(doc);
    expect(text.plain).toBe("First item.\nSecond item.\nAfter the list.");
    expect(text.segments.map(({ offset, length }) => [offset, length])).toEqual([
      [0, 11],
      [12, 12],
      [25, 15],
    ]);
  });
});

describe("other readers of the document against a hostile shape", () => {
  it("ignores source revisions and dismissals written as deeply nested maps", () => {
    const doc = new Y.Doc();
    recordSourceRevision(doc, "source-1", 2);
    const at = "2026-11-23T10:00:00.000Z";
    dismissFlag(doc, "single_source:claim-1", { reason: "NBC News is enough here", by: MAYA, at });
    nestMaps(doc.getMap(SOURCE_REVISIONS_FIELD), "source-2");
    nestMaps(dismissalsMap(doc) as Y.Map<unknown>, "single_source:claim-2");
    expect(readSourceRevisions(doc)).toEqual(new Map([["source-1", 2]]));
    expect([...readDismissals(doc).keys()]).toEqual(["single_source:claim-1"]);
  });
});
