import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bestPassagePerSource, buildEvidenceIndex, suggestEvidence } from "@/lib/assistant/evidence-index";
import type { AssistantSource } from "@/lib/assistant/sources";
import { decodeWordVectors, encodeWordVectors, meanVector } from "@/lib/assistant/word-vectors";
import { readPackageVectors } from "../../../../scripts/prune-word-vectors";
import { seedSources } from "../../../fixtures/assistant/seed-story";

/** A vector of 8 dimensions pointing mostly along `axis`, with a little of `other`. */
function vector(axis: number, other = (axis + 1) % 8, share = 0.1): Float32Array {
  const values = new Float32Array(8);
  values[axis] = 1;
  values[other] = (values[other] ?? 0) + share;
  return values;
}

/**
 * A hand-made table: "respond" and "reply" nearly one direction; "russia" and "china", "two" and "three" too
 * (as real vectors have them), which must never make a name or a number match another.
 */
const table = decodeWordVectors(
  encodeWordVectors(
    ["respond", "reply", "russia", "china", "two", "three", "weather", "embassy"],
    [vector(0), vector(0, 2), vector(3), vector(3, 5), vector(4), vector(4, 6), vector(6), vector(7)],
  ),
);

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, at) => sum + value * (b[at] ?? 0), 0);

describe("word-vector file", () => {
  it("keeps each vector's direction through int8 and reads back what it wrote", () => {
    const words = ["reply", "respond", "weather"];
    const vectors = [
      Float32Array.from([0.3, -1.2, 0.05, 2]),
      Float32Array.from([0.25, -1, 0, 2.1]),
      Float32Array.from([1, 0, 0, 0]),
    ];
    const decoded = decodeWordVectors(encodeWordVectors(words, vectors));
    expect(decoded.dimensions).toBe(4);
    expect([...decoded.rows.keys()]).toEqual(words);
    const exact = cosine(vectors[0]!, vectors[1]!) / Math.hypot(...vectors[0]!) / Math.hypot(...vectors[1]!);
    const stored = cosine(meanVector(decoded, ["reply"])!, meanVector(decoded, ["respond"])!);
    expect(Math.abs(stored - exact)).toBeLessThan(0.01);
    expect(meanVector(decoded, ["unknown"])).toBeNull();
    expect(Math.hypot(...meanVector(decoded, ["reply", "respond"])!)).toBeCloseTo(1, 5);
  });

  it("refuses a file that is not one, or is cut short", () => {
    const bytes = encodeWordVectors(["reply"], [vector(1)]);
    expect(() => decodeWordVectors(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/);
    expect(() => decodeWordVectors(new TextEncoder().encode("<!DOCTYPE html><html></html>"))).toThrow(
      /not a word-vector file/,
    );
  });

  it("reads the first plain words of the package's JSON in its order, leaving out marks and numbers", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "word-vectors-"));
    try {
      const entries: Array<[string, number[]]> = [
        ["the", [0.1, 0.2, 0.3]],
        [",", [1, 1, 1]],
        ['"', [2, 2, 2]],
        ["]", [3, 3, 3]],
        ["1999", [4, 4, 4]],
        ["reply", [-0.5, 0.25, 1]],
        ["u.s.", [5, 5, 5]],
        ["respond", [0.5, 0.5, 0.5]],
      ];
      const file = path.join(folder, "vectors.json");
      const vectors = Object.fromEntries(entries.map(([word, values], at) => [word, [...values, 1, at]]));
      writeFileSync(
        file,
        JSON.stringify({
          precision: 8,
          l2NormIndex: 3,
          wordIndex: 4,
          size: entries.length,
          dimensions: 3,
          words: entries.map(([word]) => word),
          vectors,
        }),
      );
      const read = readPackageVectors(file, 2);
      expect(read.words).toEqual(["the", "reply"]);
      expect([...read.vectors[1]!]).toEqual([-0.5, 0.25, 1]);
      expect(() => readPackageVectors(file, 4)).toThrow(/holds only 3 plain words/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("semantic matching", () => {
  const sources: AssistantSource[] = [
    {
      id: "003",
      outlet: "003",
      biasLabel: "unknown",
      text: "While the Chinese embassy in Washington did not reply to a request for comments regarding the videos, it has in the past accused the United States of running a coordinated disinformation campaign against China.",
    },
    {
      id: "other",
      outlet: "other",
      biasLabel: "unknown",
      text: "Russia released three videos. The weather was mild in Washington.",
    },
  ];

  it("matches a claim word by a source word close in meaning, and shows that word", () => {
    const claim = "Officials have yet to respond.";
    expect(suggestEvidence(buildEvidenceIndex(sources), claim)).toEqual([]);
    const [best, ...rest] = suggestEvidence(buildEvidenceIndex(sources, { vectors: table }), claim);
    expect(best?.sourceId).toBe("003");
    expect(best?.matchedTerms).toEqual([]);
    expect(best?.meaningMatches).toEqual([{ term: "reply", claimWord: "respond" }]);
    expect(rest).toEqual([]);
  });

  it("never matches a name or a number by meaning", () => {
    const index = buildEvidenceIndex(sources, { vectors: table });
    // "other" says "Russia released three videos": its vectors are close to "China" and "two", its words are not.
    const china = suggestEvidence(index, "China made two of them.");
    expect(china.map((suggestion) => [suggestion.sourceId, suggestion.matchedTerms])).toEqual([["003", ["China"]]]);
    expect(china[0]?.meaningMatches).toEqual([]);
    const russia = suggestEvidence(index, "Russia made two of them.");
    expect(russia.map((suggestion) => [suggestion.sourceId, suggestion.matchedTerms])).toEqual([["other", ["Russia"]]]);
  });

  it("matches by meaning only words written as common words, not the same stem inside a name", () => {
    const named: AssistantSource[] = [
      { id: "embassy", outlet: "embassy", biasLabel: "unknown", text: "The embassy did not reply to questions." },
      { id: "institute", outlet: "institute", biasLabel: "unknown", text: "The Reply Institute held a dinner." },
    ];
    const suggestions = suggestEvidence(
      buildEvidenceIndex(named, { vectors: table }),
      "Officials have yet to respond.",
    );
    expect(suggestions.map((suggestion) => [suggestion.sourceId, suggestion.meaningMatches])).toEqual([
      ["embassy", [{ term: "reply", claimWord: "respond" }]],
    ]);
  });

  it("keeps a source that shares only meaning, not words, as nothing close", () => {
    const index = buildEvidenceIndex(sources, { vectors: table });
    const rows = bestPassagePerSource(index, "The embassy has yet to respond, officials in Washington said.");
    expect(rows.map((row) => [row.sourceId, row.passage?.matchedTerms, row.passage?.meaningMatches])).toEqual([
      ["003", ["embassy", "Washington"], [{ term: "reply", claimWord: "respond" }]],
      ["other", ["Washington"], []],
    ]);
    const meaningOnly = bestPassagePerSource(index, "Officials have yet to respond.");
    expect(meaningOnly.map((row) => row.passage)).toEqual([null, null]);
  });

  it("shows a source that says the claim in its words even when a sentence close only by meaning ranks first", () => {
    const index = buildEvidenceIndex(
      [
        {
          id: "003",
          outlet: "003",
          biasLabel: "unknown",
          text: "Officials did not reply to questions. The embassy held a dinner.",
        },
        { id: "other", outlet: "other", biasLabel: "unknown", text: "The embassy was closed. The embassy is old." },
      ],
      { vectors: table },
    );
    const claim = "The embassy has yet to respond.";
    // The reply, close to "respond" by meaning and in a rarer word, outranks the source's literal match.
    expect(suggestEvidence(index, claim).find((suggestion) => suggestion.sourceId === "003")?.text).toBe(
      "Officials did not reply to questions.",
    );
    const rows = bestPassagePerSource(index, claim);
    expect(rows.map((row) => [row.sourceId, row.passage?.text, row.passage?.matchedTerms])).toEqual([
      ["003", "The embassy held a dinner.", ["embassy"]],
      ["other", "The embassy was closed.", ["embassy"]],
    ]);
  });

  it("ranks the seed story's labelled passages as BM25 does when no word has a vector", () => {
    const empty = decodeWordVectors(encodeWordVectors(["unrelated"], [vector(0)]));
    const claim = "The CIA has released two Mandarin-language recruitment videos";
    expect(suggestEvidence(buildEvidenceIndex(seedSources, { vectors: empty }), claim, { k: 5 })).toEqual(
      suggestEvidence(buildEvidenceIndex(seedSources), claim, { k: 5 }),
    );
  });
});
