import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { claimSpans, ClaimRangeError, markClaimSpan } from "@/lib/anchoring/claim-spans";
import { parseAggregatorPage } from "@/lib/import/aggregator-page";
import { SUMMARY_FIELD, summaryText, writeSummaryParagraphs } from "@/lib/story-doc/summary";
import { deleteInEditor, typeInEditor } from "../../../support/binding-edit";
import { seedFile } from "../../../support/seed-files";

const SUMMARY = parseAggregatorPage(seedFile("000")).summary;
const FIRST_SENTENCE =
  "The CIA has released two Mandarin-language recruitment videos targeting disillusioned Chinese officials, aiming to encourage them to leak secrets to the U.S.";
const MIDDLE = "two Mandarin-language recruitment videos";

function paragraphText(doc: Y.Doc, index = 0): Y.XmlText {
  return (doc.getXmlFragment(SUMMARY_FIELD).get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

function storyWithClaim(words: string): Y.Doc {
  const doc = new Y.Doc();
  writeSummaryParagraphs(doc, SUMMARY);
  const start = summaryText(doc).plain.indexOf(words);
  markClaimSpan(doc, "claim-1", start, start + words.length);
  return doc;
}

function claimText(doc: Y.Doc): string | undefined {
  return claimSpans(doc).get("claim-1")?.text;
}

/** mulberry32: a small seeded PRNG, so a failing sequence can be replayed from its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("claim marks in the summary", () => {
  it("cover the chosen words of the seed summary", () => {
    const doc = storyWithClaim(MIDDLE);
    const start = summaryText(doc).plain.indexOf(MIDDLE);
    expect(claimSpans(doc).get("claim-1")).toEqual({ start, end: start + MIDDLE.length, text: MIDDLE });
  });

  it("keep text typed right before or right after outside, and text typed inside in", () => {
    const doc = storyWithClaim(MIDDLE);
    const text = paragraphText(doc);
    const start = summaryText(doc).plain.indexOf(MIDDLE);
    typeInEditor(text, start + MIDDLE.length, " (both released Thursday)");
    typeInEditor(text, start, "at least ");
    expect(claimText(doc)).toBe(MIDDLE);
    typeInEditor(text, start + "at least ".length + "two ".length, "new ");
    expect(claimText(doc)).toBe("two new Mandarin-language recruitment videos");
  });

  it("keep typing at the very start of a paragraph out, even when it begins with the claim's first letter", () => {
    // The binding diffs strings, so "T" typed before "The" becomes the second character in Yjs.
    const doc = storyWithClaim(FIRST_SENTENCE);
    const text = paragraphText(doc);
    let at = 0;
    for (const char of "Tom adds a lead. ") typeInEditor(text, at++, char);
    expect(summaryText(doc).plain.startsWith("Tom adds a lead. The CIA")).toBe(true);
    expect(claimText(doc)).toBe(FIRST_SENTENCE);
  });

  it("are gone when their words are all deleted: the claim is detached", () => {
    const doc = storyWithClaim(MIDDLE);
    deleteInEditor(paragraphText(doc), summaryText(doc).plain.indexOf(MIDDLE), MIDDLE.length);
    expect(claimSpans(doc).has("claim-1")).toBe(false);
  });

  it("span paragraphs, overlap, and refuse empty or out-of-range ranges", () => {
    const doc = new Y.Doc();
    writeSummaryParagraphs(doc, ["First one.", "Second one."]);
    markClaimSpan(doc, "across", 6, 17);
    markClaimSpan(doc, "inner", 11, 17);
    expect(claimSpans(doc).get("across")?.text).toBe("one.\nSecond");
    expect(claimSpans(doc).get("inner")?.text).toBe("Second");
    expect(() => markClaimSpan(doc, "x", 3, 3)).toThrow(ClaimRangeError);
    expect(() => markClaimSpan(doc, "x", 0, 999)).toThrow(ClaimRangeError);
  });

  it("ignore attributes that are not a claim mark with a valid id", () => {
    const doc = new Y.Doc();
    writeSummaryParagraphs(doc, ["Hostile formatting."]);
    const text = paragraphText(doc);
    text.format(0, 7, { claim: "not an object" });
    text.format(0, 7, { "claim--AAAAAAAA": { id: "<script>" } });
    text.format(8, 10, { claimish: { id: "ok-id" } });
    expect(claimSpans(doc).size).toBe(0);
  });
});

describe("claim marks under concurrent edits", () => {
  // Seeds that once failed are kept here by name; add to the list, never remove.
  const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

  it.each(SEEDS)("seed %i: two replicas editing around the claim converge and keep its words", (seed) => {
    const random = prng(seed);
    const origin = storyWithClaim(MIDDLE);
    const replicas = [new Y.Doc(), new Y.Doc()];
    for (const replica of replicas) Y.applyUpdate(replica, Y.encodeStateAsUpdate(origin));
    const inboxes: Uint8Array[][] = [[], []];
    replicas.forEach((replica, i) => replica.on("update", (update: Uint8Array) => inboxes[1 - i]?.push(update)));

    for (let step = 0; step < 60; step++) {
      const who = random() < 0.5 ? 0 : 1;
      const replica = replicas[who] as Y.Doc;
      const span = claimSpans(replica).get("claim-1");
      if (!span) throw new Error(`seed ${seed}: claim lost at step ${step}`);
      const text = paragraphText(replica);
      const length = text.length;
      // Edit before the claim (its start included) or after it (its end included), never inside.
      const before = random() < 0.5;
      const position = before
        ? Math.floor(random() * (span.start + 1))
        : span.end + Math.floor(random() * (length - span.end + 1));
      if (random() < 0.7 || length < 200) {
        typeInEditor(text, position, random() < 0.5 ? "T" : `[${seed}.${step}]`);
      } else {
        const room = before ? span.start - position : length - position;
        if (room > 0) deleteInEditor(text, position, Math.min(room, 1 + Math.floor(random() * 5)));
      }
      // Deliver some of the other replica's updates, in a random order, some of the time.
      if (random() < 0.4) {
        const inbox = inboxes[who] as Uint8Array[];
        inbox.sort(() => random() - 0.5);
        for (const update of inbox.splice(0, Math.ceil(random() * inbox.length))) Y.applyUpdate(replica, update);
      }
    }
    for (const [i, replica] of replicas.entries())
      for (const update of (inboxes[i] as Uint8Array[]).splice(0)) Y.applyUpdate(replica, update);

    const [a, b] = replicas as [Y.Doc, Y.Doc];
    expect(summaryText(a).plain, `seed ${seed}`).toBe(summaryText(b).plain);
    expect(claimText(a), `seed ${seed}`).toBe(MIDDLE);
    expect(claimSpans(b).get("claim-1"), `seed ${seed}`).toEqual(claimSpans(a).get("claim-1"));
  });

  it("keeps both replicas' insertions inside the claim when they type in it at the same time", () => {
    const doc = storyWithClaim(MIDDLE);
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(doc));
    const start = summaryText(a).plain.indexOf(MIDDLE);
    typeInEditor(paragraphText(a), start + 4, "short ");
    typeInEditor(paragraphText(b), start + 4 + "Mandarin-language ".length, "cinematic ");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(claimText(a)).toBe("two short Mandarin-language cinematic recruitment videos");
    expect(claimText(b)).toBe(claimText(a));
  });
});
