import { describe, expect, it } from "vitest";
import { describeAggregatorImport, describeArticleImport } from "@/lib/import/import-result";

// What the route says when the collaboration server could not take the summary (server/sources/import-sources.ts).
const PENDING =
  "The cards and perspectives are imported, but the Summary could not be written into the draft now (the collaboration server is not reachable): import the page again later to add it.";

describe("describeArticleImport", () => {
  it("names the article by its headline, or by where it came from when it has none", () => {
    expect(describeArticleImport("CIA hopes cinematic videos will persuade Chinese to spy for U.S.", "004.txt")).toBe(
      "Imported “CIA hopes cinematic videos will persuade Chinese to spy for U.S.”.",
    );
    expect(describeArticleImport("", "the pasted text")).toBe("Imported “the pasted text”.");
  });
});

describe("describeAggregatorImport", () => {
  it("says what was added and that the summary became the draft", () => {
    expect(describeAggregatorImport({ cardsAdded: 4, cardsSkipped: 0, summaryWritten: true, perspectives: 3 })).toBe(
      "4 source cards added · the summary became the draft · 3 perspectives.",
    );
  });

  it("counts in the singular, says what was already there, and that an existing summary was kept", () => {
    expect(describeAggregatorImport({ cardsAdded: 1, cardsSkipped: 3, summaryWritten: false, perspectives: 1 })).toBe(
      "1 source card added · 3 already in the story · the draft already had a summary, so it was kept · 1 perspective.",
    );
  });

  it("says last what is pending instead of what happened to the summary", () => {
    expect(
      describeAggregatorImport({
        cardsAdded: 0,
        cardsSkipped: 4,
        summaryWritten: false,
        perspectives: 0,
        pending: PENDING,
      }),
    ).toBe(`0 source cards added · 4 already in the story · 0 perspectives. ${PENDING}`);
  });
});
