import { describe, expect, it } from "vitest";
import {
  checkListQuerySchema,
  matchesSearch,
  outletPath,
  pageCount,
  quotedOutlets,
  searchTerms,
} from "@/lib/reader/check-listing";
import type { VersionContent } from "@/lib/versions/version-content";

type VersionSource = VersionContent["sources"][number];
type VersionClaim = VersionContent["claims"][number];

const TITLE = "CIA Launches Social Media Campaign to Recruit Chinese Officials";
const SUMMARY =
  "The CIA has released two Mandarin-language recruitment videos targeting disillusioned Chinese officials. CIA Director John Ratcliffe emphasized the urgency of this effort.";

const source = (id: string, outlet: string | null, headline: string | null): VersionSource => ({
  id,
  outlet,
  url: null,
  headline,
  author: null,
  publishedAt: null,
  statedAge: null,
  reliabilityLabel: null,
  biasLabel: "unknown",
  contentHash: `hash-${id}`,
});

const claim = (id: string, sourceIds: string[]): VersionClaim => ({
  id,
  text: "CIA Director John Ratcliffe emphasized the urgency of this effort",
  start: 0,
  end: 10,
  verdict: "supported",
  approvedBy: { id: "rosa", name: "Rosa Lindqvist" },
  approvedAt: "2025-05-02T12:00:00.000Z",
  quotes: sourceIds.map((sourceId, i) => ({
    id: `${id}-q${i}`,
    sourceId,
    selector: { exact: "urgency, creativity, and grit", prefix: "", suffix: "", start: 0, end: 29 },
    stance: "supports",
    note: "",
  })),
});

describe("searchTerms and matchesSearch", () => {
  it("splits a search into folded words", () => {
    expect(searchTerms("  CIA, Mandarin-language ")).toEqual(["cia", "mandarin", "language"]);
    expect(searchTerms("Ratcliffe's")).toEqual(["ratcliffe", "s"]);
    expect(searchTerms("   ")).toEqual([]);
  });

  it("matches when every word is in the title or the summary, ignoring case and accents", () => {
    const check = { title: TITLE, summary: SUMMARY };
    expect(matchesSearch(searchTerms("recruit chinese"), check)).toBe(true);
    expect(matchesSearch(searchTerms("RATCLIFFE urgency"), check)).toBe(true);
    expect(matchesSearch(searchTerms("Ratclíffe"), check)).toBe(true);
    expect(matchesSearch(searchTerms("Ratcliffe Beijing"), check)).toBe(false);
    expect(matchesSearch([], check)).toBe(true);
  });
});

describe("checkListQuerySchema", () => {
  it("reads the search and the page, falling back to the first page and no search", () => {
    expect(checkListQuerySchema.parse({ q: " grit ", page: "3" })).toEqual({ q: "grit", page: 3 });
    expect(checkListQuerySchema.parse({})).toEqual({ q: "", page: 1 });
    expect(checkListQuerySchema.parse({ q: ["a", "b"], page: "-2" })).toEqual({ q: "", page: 1 });
    expect(checkListQuerySchema.parse({ page: "x" }).page).toBe(1);
    expect(checkListQuerySchema.parse({ q: "c".repeat(500) }).q).toHaveLength(200);
  });
});

describe("quotedOutlets", () => {
  it("names each quoted outlet once, in the order the claims quote them, by lib/sources/source-label.ts", () => {
    const content: VersionContent = {
      summary: SUMMARY,
      sources: [
        source("nbc-article", "NBC News", "CIA releases videos"),
        source("nbc-card", "NBC News", null),
        source("bloomberg", "Bloomberg", null),
        source("no-outlet", null, "CIA Targets Chinese Officials With New Recruitment Videos"),
        source("unquoted", "Myind", null),
      ],
      claims: [claim("c1", ["bloomberg", "nbc-article"]), claim("c2", ["nbc-card", "no-outlet", "missing"])],
    };
    expect(quotedOutlets(content)).toEqual([
      { key: "Bloomberg", label: "Bloomberg" },
      { key: "NBC News", label: "NBC News" },
      {
        key: "CIA Targets Chinese Officials With New Recruitment Videos",
        label: "CIA Targets Chinese Officials With New Recruitment Videos",
      },
    ]);
  });

  it("gives an outlet's page a path with the key encoded", () => {
    expect(outletPath("NBC News")).toBe("/outlets/NBC%20News");
    expect(outletPath("A/B")).toBe("/outlets/A%2FB");
  });
});

describe("pageCount", () => {
  it("is at least one page", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(10)).toBe(1);
    expect(pageCount(11)).toBe(2);
  });
});
