import { describe, expect, it } from "vitest";
import { attributionsIn, isAttributedClaim } from "@/lib/assistant/attribution";
import { sentencesOf, type Sentence } from "@/lib/assistant/text-analysis";
import { seedEval, seedSources } from "../../../fixtures/assistant/seed-story";

const sentences = seedSources.flatMap((source) =>
  sentencesOf(source.text).map((sentence) => ({ sourceId: source.id, sentence })),
);
const sentenceOf = (sourceId: string, beginning: string): Sentence => {
  const found = sentences.find((entry) => entry.sourceId === sourceId && entry.sentence.text.startsWith(beginning));
  if (!found) throw new Error(`no sentence of ${sourceId} starts with "${beginning}"`);
  return found.sentence;
};
const words = (sourceId: string, beginning: string) =>
  attributionsIn(sentenceOf(sourceId, beginning)).map((found) => found.words);

describe("attribution cues", () => {
  it("finds the attributing words of seed sentences, with the speaker beside the verb", () => {
    expect(words("004", "Officials say the Russian-language videos")).toEqual(["Officials say"]);
    expect(words("002", "The campaign follows similar efforts")).toEqual(["U.S. intelligence sources claim"]);
    expect(words("002", "Last year, the CIA published text-only Mandarin instructions")).toEqual(["reportedly"]);
    expect(words("004", "The video was viewed 900,000 times")).toEqual(["agency officials said"]);
    expect(words("001", "Those reached more than 2.9 million people")).toEqual(["the official said"]);
    expect(words("003", "“If it weren't working")).toEqual(["a CIA official informed"]);
    expect(words("001", "In 2017, The New York Times reported")).toEqual(["The New York Times reported"]);
  });

  it("gives offsets into the source and leaves out what follows a verb when it is not its speaker", () => {
    const sentence = sentenceOf(
      "001",
      "A CIA official, who spoke on customary condition of anonymity, said the agency hopes",
    );
    const [said] = attributionsIn(sentence);
    // "the agency" is the subject of "hopes", not who said it.
    expect(said?.words).toBe("said");
    const text = seedSources.find((source) => source.id === "001")?.text ?? "";
    expect(text.slice(said?.start, said?.end)).toBe("said");
    expect(
      attributionsIn(sentencesOf("The videos worked, said Ratcliffe.")[0] as Sentence).map((found) => found.words),
    ).toEqual(["said Ratcliffe"]);
    expect(
      attributionsIn(sentencesOf("The videos worked, according to two senior officials.")[0] as Sentence).map(
        (found) => found.words,
      ),
    ).toEqual(["according to two senior officials"]);
  });

  it("does not take a statement of fact for an attribution ('information', 'state')", () => {
    expect(words("003", "It concludes with the agency’s logo and contact information")).toEqual([]);
    expect(words("004", "The CIA on Thursday released two social media videos")).toEqual([]);
    expect(words("001", "The U.S. also hopes to prevent Chinese military aggression")).toEqual([]);
  });

  it("reads a claim that names its speaker as reported, and one that does not as stated as fact", () => {
    const claim = (id: string) =>
      sentencesOf(seedEval.claims.find((candidate) => candidate.id === id)?.text ?? "").flatMap(
        (sentence) => sentence.tokens,
      );
    expect(isAttributedClaim(claim("c4"))).toBe(true);
    expect(isAttributedClaim(claim("c5"))).toBe(false);
    expect(isAttributedClaim(claim("c1"))).toBe(false);
    expect(
      isAttributedClaim(
        sentencesOf("Officials described the videos as a success.").flatMap((sentence) => sentence.tokens),
      ),
    ).toBe(true);
  });
});
