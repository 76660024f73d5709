import { describe, expect, it } from "vitest";
import type { VersionContent } from "@/lib/versions/version-content";
import { diffVersions } from "@/lib/versions/version-diff";

const ROSA = { id: "u-rosa", name: "Rosa Lindqvist" };
const selector = (exact: string) => ({ exact, prefix: "", suffix: "", start: 0, end: exact.length });

const v1: VersionContent = {
  summary: "The CIA has released two videos. Chinese officials have yet to respond.",
  claims: [
    {
      id: "c1",
      text: "The CIA has released two videos.",
      start: 0,
      end: 32,
      verdict: "supported",
      approvedBy: ROSA,
      approvedAt: "t",
      quotes: [{ id: "q1", sourceId: "s1", selector: selector("released two videos"), stance: "supports", note: "" }],
    },
    {
      id: "c2",
      text: "Chinese officials have yet to respond.",
      start: 33,
      end: 71,
      verdict: "supported",
      approvedBy: ROSA,
      approvedAt: "t",
      quotes: [],
    },
  ],
  sources: [],
};

describe("diffVersions", () => {
  it("reports nothing between a version and itself", () => {
    const diff = diffVersions(v1, v1);
    expect(diff.claims).toEqual([]);
    expect(diff.summary.every((part) => part.kind === "same")).toBe(true);
  });

  it("reports word changes, and claims added, removed and changed with their quotes", () => {
    const v2: VersionContent = {
      ...v1,
      summary: "The CIA has released two Mandarin-language videos. The embassy did not respond.",
      claims: [
        {
          ...v1.claims[0]!,
          text: "The CIA has released two Mandarin-language videos.",
          quotes: [
            { id: "q3", sourceId: "s4", selector: selector("two social media videos"), stance: "supports", note: "" },
          ],
        },
        {
          id: "c3",
          text: "The embassy did not respond.",
          start: 52,
          end: 80,
          verdict: "partly_supported",
          approvedBy: ROSA,
          approvedAt: "t",
          quotes: [],
        },
      ],
    };
    const diff = diffVersions(v1, v2);
    expect(diff.summary.filter((part) => part.kind === "added").map((part) => part.text.trim())).toContain(
      "Mandarin-language",
    );
    expect(
      diff.summary
        .filter((part) => part.kind === "removed")
        .map((part) => part.text)
        .join(""),
    ).toContain("Chinese officials");
    expect(diff.claims.map((claim) => [claim.id, claim.kind])).toEqual([
      ["c1", "changed"],
      ["c3", "added"],
      ["c2", "removed"],
    ]);
    expect(diff.claims[0]?.quotesAdded.map((quote) => quote.id)).toEqual(["q3"]);
    expect(diff.claims[0]?.quotesRemoved.map((quote) => quote.id)).toEqual(["q1"]);
    expect(diff.claims[1]?.verdictAfter).toBe("partly_supported");
  });
});
