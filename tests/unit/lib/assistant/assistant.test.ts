import { describe, expect, it } from "vitest";
import { claimDiscrepancies, sourceDiscrepancies } from "@/lib/assistant/discrepancies";
import { bestPassagePerSource, buildEvidenceIndex, suggestEvidence } from "@/lib/assistant/evidence-index";
import { articleTime } from "@/lib/assistant/article-time";
import { factsOf, numberValue } from "@/lib/assistant/facts";
import { checkSourceQuotations, checkSummaryQuotations, quotationsIn } from "@/lib/assistant/quotations";
import { sentencesOf, type Sentence } from "@/lib/assistant/text-analysis";
import { locate, seedEval, seedSources } from "../../../fixtures/assistant/seed-story";

const index = buildEvidenceIndex(seedSources);
const source = (id: string) => seedSources.find((candidate) => candidate.id === id)?.text ?? "";

describe("sentence segmentation", () => {
  it("keeps abbreviations, quotations and dashes inside their sentences, with offsets into the text", () => {
    const text = source("004");
    const sentences = sentencesOf(text);
    const withAgency = sentences.find((sentence) => sentence.text.includes("the C.I.A. agency has produced"));
    // Not cut at "C.I.A.", but cut after the "U.S." that ends a sentence; not cut inside "The U.S. Central Intelligence Agency".
    expect(withAgency?.text).toMatch(
      /^The cinematic, Mandarin-language videos released across multiple platforms resemble recruiting videos the C\.I\.A\. agency.* with the U\.S\.$/,
    );
    expect(
      sentences.some(
        (sentence) => sentence.text === "Officials say the Russian-language videos have proved successful.",
      ),
    ).toBe(true);
    expect(sentencesOf(source("002"))[0]?.text).toMatch(
      /^The U\.S\. Central Intelligence Agency has released two new Mandarin-language videos .*United States\.$/,
    );
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(
      sentencesOf("Officials met on Jan. 5 in the U.S. capital. “We will,” he said — twice.").map((s) => s.text),
    ).toEqual(["Officials met on Jan. 5 in the U.S. capital.", "“We will,” he said — twice."]);
  });
});

describe("evidence suggestions", () => {
  it("ranks a labelled supporting passage first for the demo story's first claim, with the matched words", () => {
    const [claim] = seedEval.claims;
    const [best] = suggestEvidence(index, claim?.text ?? "", { k: 3 });
    const relevant = claim?.support.some(
      (passage) =>
        passage.source === best?.sourceId &&
        locate(passage.source, passage.passage).start < (best?.end ?? 0) &&
        (best?.start ?? 0) < locate(passage.source, passage.passage).end,
    );
    expect(relevant).toBe(true);
    expect(best?.matchedTerms).toEqual(expect.arrayContaining(["released", "videos", "Chinese", "officials"]));
    expect(source(best?.sourceId ?? "").slice(best?.start, best?.end)).toBe(best?.text);
  });

  it("matches a spelled-out name with the acronym the sources use, both ways", () => {
    const byName = suggestEvidence(index, "The Central Intelligence Agency released videos in Chinese", { k: 5 });
    expect(byName.find((suggestion) => suggestion.text.startsWith("“Today, the CIA released"))?.matchedTerms).toContain(
      "CIA",
    );
    const byAcronym = suggestEvidence(index, "The CIA released two new videos to the U.S.", { k: 5 });
    expect(
      byAcronym.find((suggestion) => suggestion.text.startsWith("The U.S. Central Intelligence Agency has released"))
        ?.matchedTerms,
    ).toEqual(expect.arrayContaining(["Central Intelligence Agency", "United States"]));
  });

  it("leaves out passages already attached and never suggests a sentence sharing no word", () => {
    const [first] = suggestEvidence(index, "Chinese officials have yet to respond.", { k: 1 });
    const next = suggestEvidence(index, "Chinese officials have yet to respond.", {
      k: 5,
      exclude: first ? [first] : [],
    });
    expect(
      next.some((suggestion) => suggestion.sourceId === first?.sourceId && suggestion.start === first?.start),
    ).toBe(false);
    expect(suggestEvidence(index, "Zebras quarrel", { k: 5 })).toEqual([]);
  });
});

describe("quotation checker", () => {
  it("flags a source that quotes the same speech in other words, with how the words differ", () => {
    const flags = checkSourceQuotations(seedSources, index);
    const weren = flags.find((flag) => flag.in === "003" && flag.quotation.text.startsWith("If it weren't working"));
    expect(weren?.closest?.sourceId).toBe("004");
    expect(weren?.closest?.differences).toEqual([
      { change: "-", words: "weren" },
      { change: "+", words: "wasn" },
    ]);
    expect(
      flags.some((flag) => flag.in === "003" && flag.quotation.text.startsWith("No adversary had ever posed")),
    ).toBe(true);
    // Three words are speech too: 002 drops the comma of "creativity, and grit".
    const grit = flags.find((flag) => flag.in === "002" && flag.quotation.text === "creativity and grit");
    expect(grit?.closest?.text).toMatch(/creativity, and grit/);
    // A line of a video that only one source quotes is not a misquote.
    expect(flags.some((flag) => flag.quotation.text.startsWith("Heaven helps"))).toBe(false);
  });

  it("verifies “discarded like worn-out shoes” and flags a summary quotation that no source has", () => {
    const summary =
      "The official saw colleagues “discarded like worn-out shoes” and said “we always have an open door for them”.";
    const flags = checkSummaryQuotations(summary, seedSources, index);
    expect(flags.map((flag) => flag.quotation.text)).toEqual(["we always have an open door for them"]);
    expect(flags[0]?.closest?.text).toBe("we always have an open door to them");
    expect(flags[0]?.closest?.differences).toEqual([
      { change: "-", words: "for" },
      { change: "+", words: "to" },
    ]);
  });

  it("finds quotations in curly and straight marks, splits them at an ellipsis and skips scare quotes", () => {
    const text = 'He said "we will not stop now … nor will we slow down" about the “dark web”.';
    expect(quotationsIn(text).map((quotation) => text.slice(quotation.start, quotation.end))).toEqual([
      "we will not stop now",
      "nor will we slow down",
    ]);
  });
});

describe("each source's best passage", () => {
  it("shows each source's best sentence for a claim, nothing close for a source that does not address it, and an attached quote first", () => {
    const claim = seedEval.claims.find((candidate) => candidate.id === "c5")?.text ?? "";
    const rows = bestPassagePerSource(index, claim);
    expect(rows.map((row) => row.sourceId)).toEqual(["001", "002", "003", "004"]);
    expect(rows.filter((row) => row.passage === null).map((row) => row.sourceId)).toEqual(["001", "003"]);
    expect(rows[1]?.passage?.text).toMatch(
      /^The campaign follows similar efforts previously aimed at Russian officials/,
    );
    const attached = locate("004", "Officials say the Russian-language videos have proved successful.");
    const withQuote = bestPassagePerSource(index, claim, { attached: [{ sourceId: "004", ...attached }] });
    expect(withQuote[3]).toMatchObject({ attached: true, passage: { start: attached.start } });
  });
});

describe("discrepancy finder", () => {
  it("reports the dates of the earlier text-only videos that cannot agree, read against the article's date", () => {
    const found = sourceDiscrepancies(index, seedSources);
    const times = found.filter((group) => group.kind === "time");
    expect(times).toHaveLength(1);
    const [group] = times;
    // 003 (2 May 2025): last October is October 2024; 004 gives no date, so it is read as of 003's: six months
    // ago is November 2024. "Last year" (2024) agrees with both.
    expect(group?.conflicts.map((pair) => pair.map((at) => group.wordings[at]?.fact.wording))).toEqual([
      ["last October", "Six months ago"],
    ]);
    expect(group?.severity).toBe("medium");
    expect(group?.readings.join("; ")).toContain(
      "“Six months ago” in 004 (no date of its own; read as of 2 May 2025) is 1 November 2024 – 30 November 2024",
    );
    const lists = found.filter((group) => group.kind === "list");
    expect(lists.map((group) => group.wordings.map((wording) => wording.fact.wording))).toEqual([
      ["Mandarin, Farsi and Korean", "Mandarin", "Mandarin"],
      ["X and Telegram", "YouTube, Facebook, Telegram, Instagram, and X", "Instagram, Facebook, and YouTube"],
    ]);
    // Both platform lists say "including" / "like": naming other platforms is a low-severity difference.
    expect(lists.map((group) => group.severity)).toEqual(["medium", "low"]);
  });

  it("flags a number in a claim that its quotes state differently, and not one they agree with", () => {
    const quotes = [
      { id: "q1", text: "Those reached more than 2.9 million people and had about 900,000 views, the official said." },
    ];
    expect(
      claimDiscrepancies("The videos had 2.9 million views.", quotes).map((found) =>
        found.quoteFacts.map(({ fact }) => fact.value),
      ),
    ).toEqual([["900000"]]);
    expect(claimDiscrepancies("The videos had 900,000 views.", quotes)).toEqual([]);
    expect(numberValue("about 2.9 million")).toBe(2_900_000);
  });

  it("compares a count only with a count of the same thing, and reads hedges as ranges", () => {
    const quotes = [
      {
        id: "q1",
        text: "At least two people were killed and 23 people were injured; 200 passengers were aboard the train.",
      },
    ];
    const values = (claim: string) =>
      claimDiscrepancies(claim, quotes).map((found) => [found.claimFact.wording, found.severity]);
    expect(values("Three people died.")).toEqual([]);
    expect(values("Seventeen people were hurt.")).toEqual([["Seventeen", "high"]]);
    expect(values("About 210 passengers were aboard.")).toEqual([]);
    expect(values("The crash killed 200.")).toEqual([]);
    const cars = [{ id: "q2", text: "Eight cars and two locomotives derailed." }];
    expect(claimDiscrepancies("Seven cars derailed.", cars).map((found) => found.claimFact.wording)).toEqual(["Seven"]);
  });

  it("reads times of day in their zones and dates against each article's date", () => {
    const central = { time: articleTime("2025-05-12T19:10:00-05:00", "article"), localOffset: -300 };
    const fact = (text: string, context = central) =>
      factsOf(sentencesOf(text)[0] as Sentence, context).find((found) => found.kind === "time");
    expect(fact("It happened at 1:42 p.m. CT, officials said.")?.value).toBe("18:42 UTC");
    expect(fact("It happened at 2:42 p.m. ET.")?.value).toBe("18:42 UTC");
    expect(fact("It happened at 12.42pm local time.")?.value).toBe("17:42 UTC");
    expect(fact("It happened at about 1:40 p.m.")?.range).toEqual({ low: 1110, high: 1130 });
    const tuesday = { time: articleTime("2025-05-13T06:30:00-05:00", "article"), localOffset: -300 };
    expect(fact("Three died yesterday.", tuesday)?.value).toBe("12 May 2025");
    expect(fact("The site was inspected last October.")?.value).toBe("1 October 2024 – 31 October 2024");
    expect(fact("The site was inspected seven months ago.")?.value).toBe("1 October 2024 – 31 October 2024");
    // A date after the article's is a plan, never the same fact as what happened.
    expect(fact("The town will hold a vigil on Wednesday.", tuesday)).toMatchObject({
      value: "14 May 2025",
      future: true,
    });
  });

  it("reads a list given in part as a difference, and not a list with “other” or a noun shared by adjectives", () => {
    const lists = (text: string) =>
      factsOf(sentencesOf(text)[0] as Sentence)
        .filter((fact) => fact.scale === "list")
        .map((fact) => fact.items);
    expect(lists("The warehouse stored ammonium nitrate, anhydrous ammonia and urea.")).toEqual([
      ["ammonium nitrate", "anhydrous ammonia", "urea"],
    ]);
    expect(lists("Employees of the CIA and other U.S. spy agencies were offered buyouts.")).toEqual([]);
    expect(lists("Officials warned that Chinese and Russian intelligence officials hope to recruit them.")).toEqual([]);
    const quotes = [{ id: "q1", text: "The warehouse stored ammonium nitrate, anhydrous ammonia and urea." }];
    expect(
      claimDiscrepancies("The warehouse stored ammonium nitrate and anhydrous ammonia.", quotes).map(
        (found) => found.severity,
      ),
    ).toEqual(["medium"]);
  });
});
