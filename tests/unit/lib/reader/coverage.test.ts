import { describe, expect, it } from "vitest";
import { claimCoverage } from "@/lib/assistant/coverage";
import type { AssistantSource } from "@/lib/assistant/sources";
import { coverageOf } from "@/lib/reader/coverage";
import { sourceLabel } from "@/lib/sources/source-label";
import type { VersionContent } from "@/lib/versions/version-content";

type VersionSource = VersionContent["sources"][number];
type VersionQuote = VersionContent["claims"][number]["quotes"][number];

const source = (id: string, outlet: string | null, headline: string | null, biasLabel: VersionSource["biasLabel"]) => ({
  id,
  outlet,
  url: null,
  headline,
  author: null,
  publishedAt: null,
  statedAge: null,
  reliabilityLabel: null,
  biasLabel,
  contentHash: `hash-${id}`,
});

const sources: VersionSource[] = [
  source("nbc-article", "NBC News", "Musk's Grok under fire", "center"),
  source("nbc-card", "NBC News", "Musk's Grok under fire", "center"),
  source("guardian", "The Guardian", null, "leans_left"),
  source("headline-only", null, "Grok Imagine flooded with abuse", "unknown"),
  source("nameless-1", null, null, "unknown"),
  source("nameless-2", null, null, "unknown"),
];

const quote = (sourceId: string, stance: VersionQuote["stance"] = "supports"): VersionQuote => ({
  id: `q-${sourceId}-${stance}`,
  sourceId,
  selector: { exact: "words", prefix: "", suffix: "", start: 0, end: 5 },
  stance,
  note: "",
});

const claim = (id: string, quotes: VersionQuote[]): VersionContent["claims"][number] => ({
  id,
  text: id,
  start: 0,
  end: 1,
  verdict: "supported",
  approvedBy: { id: "u", name: "Reviewer" },
  approvedAt: "2026-01-01T00:00:00.000Z",
  quotes,
});

const claims = [
  claim("article-and-card", [quote("nbc-article"), quote("nbc-card"), quote("guardian", "contradicts")]),
  claim("two-outlets", [quote("nbc-card"), quote("guardian"), quote("removed-source")]),
  claim("headline-and-nameless", [quote("headline-only"), quote("nameless-1"), quote("nameless-2")]),
];
const content: VersionContent = { summary: "", claims, sources };

describe("reader coverage", () => {
  it("counts an article and its card once, and a claim by the distinct outlets of its supporting quotes", () => {
    const coverage = coverageOf(content);
    expect(coverage.claims).toEqual([
      { id: "article-and-card", supportingOutlets: ["NBC News"], singleSource: true },
      { id: "two-outlets", supportingOutlets: ["NBC News", "The Guardian"], singleSource: false },
      {
        id: "headline-and-nameless",
        supportingOutlets: ["Grok Imagine flooded with abuse", "Outlet not stated"],
        singleSource: false,
      },
    ]);
    expect(coverage.outlets.map((outlet) => [outlet.outlet, outlet.claimsSupported])).toEqual([
      ["NBC News", 2],
      ["Grok Imagine flooded with abuse", 1],
      ["Outlet not stated", 1],
      ["The Guardian", 1],
    ]);
    expect(coverage.biasSpread).toMatchObject({ center: 1, leans_left: 1, unknown: 2 });
  });

  it("decides which outlet a quote counts for as the workspace's assistant does", () => {
    const assistantSources = new Map<string, AssistantSource>(
      sources.map((row) => [row.id, { id: row.id, outlet: sourceLabel(row), biasLabel: row.biasLabel, text: "" }]),
    );
    const reader = coverageOf(content).claims;
    for (const [at, { quotes }] of claims.entries()) {
      const assistant = claimCoverage(
        quotes.map((q) => ({ ...q, exact: q.selector.exact, start: q.selector.start, end: q.selector.end })),
        assistantSources,
      );
      expect(assistant.outlets.map((outlet) => outlet.outlet)).toEqual(reader[at]?.supportingOutlets);
      expect(assistant.singleSource).toBe(reader[at]?.singleSource);
    }
  });
});
