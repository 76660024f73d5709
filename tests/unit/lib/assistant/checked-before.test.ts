import { describe, expect, it } from "vitest";
import { indexPublishedClaims, rankPublishedClaims } from "@/lib/assistant/checked-before";

const published = indexPublishedClaims([
  {
    id: "a",
    text: "The CIA has released two Mandarin-language recruitment videos targeting disillusioned Chinese officials",
  },
  { id: "b", text: "Chinese officials have yet to respond." },
  {
    id: "c",
    text: "An explosion at a fertilizer warehouse in Calder, Texas, killed three workers on Monday afternoon.",
  },
  { id: "d", text: "The CIA released a video in Russian in 2023 to recruit Russian officials." },
]);
const ids = (claim: string) => rankPublishedClaims(published, claim).map(({ claim: found }) => found.id);

describe("checked before: published claims that resemble a draft's claim", () => {
  it("finds the same claim in other words, and ranks it first", () => {
    const [best] = rankPublishedClaims(published, "CIA released two videos to recruit disillusioned Chinese officials");
    expect(best?.claim.id).toBe("a");
    expect(best?.resemblance).toBeGreaterThan(0.6);
    expect(best?.matchedTerms).toEqual(expect.arrayContaining(["CIA", "released", "videos", "officials"]));
    expect(ids("Three workers were killed in an explosion at a Calder fertilizer warehouse")).toEqual(["c"]);
  });

  it("leaves out claims that share only a word or two", () => {
    expect(ids("Chinese officials praised the videos as propaganda and mocked the CIA")).toEqual([]);
    expect(ids("The warehouse in Calder reopened")).toEqual([]);
  });

  it("gives the same words a resemblance of 1, and nothing for a claim without content words", () => {
    expect(rankPublishedClaims(published, "Chinese officials have yet to respond.")[0]).toMatchObject({
      claim: { id: "b" },
      resemblance: 1,
    });
    expect(rankPublishedClaims(published, "It is what it is.")).toEqual([]);
    expect(rankPublishedClaims(indexPublishedClaims([]), "Chinese officials have yet to respond.")).toEqual([]);
  });

  it("returns at most `limit` claims, best first", () => {
    const many = indexPublishedClaims(
      [1, 2, 3, 4].map((n) => ({
        id: `v${n}`,
        text: `The CIA released two videos for Chinese officials ${"again ".repeat(n)}`,
      })),
    );
    const ranked = rankPublishedClaims(many, "The CIA released two videos for Chinese officials", { limit: 2 });
    expect(ranked.map(({ claim }) => claim.id)).toEqual(["v1", "v2"]);
    expect(ranked[0]!.score).toBeGreaterThanOrEqual(ranked[1]!.score);
  });
});
