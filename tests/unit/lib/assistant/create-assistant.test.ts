import { describe, expect, it } from "vitest";
import type { AssistClaimInput, AssistantFlag } from "@/lib/assistant/assistance";
import { createAssistant } from "@/lib/assistant/assistant";
import { sentencesOf } from "@/lib/assistant/text-analysis";
import { demoSources, demoSummary, locate, seedEval } from "../../../fixtures/assistant/seed-story";

const assistant = createAssistant(demoSources);
const sourceText = (id: string) => demoSources.find((source) => source.id === id)?.text ?? "";
const labelled = (id: string) => {
  const claim = seedEval.claims.find((candidate) => candidate.id === id);
  if (!claim) throw new Error(`no labelled claim ${id}`);
  return claim;
};

/** A claim on words of a summary, with quotes given as (source, exact words). */
function claimOn(
  summary: string,
  id: string,
  words: string,
  quotes: Array<[string, string, AssistClaimInput["quotes"][number]["stance"]?]> = [],
): AssistClaimInput {
  const start = summary.indexOf(words);
  if (start === -1) throw new Error(`"${words}" is not in the summary`);
  return {
    id,
    text: words,
    span: { start, end: start + words.length },
    quotes: quotes.map(([sourceId, exact, stance = "supports"], at) => {
      const where = sourceText(sourceId).indexOf(exact);
      if (where === -1) throw new Error(`"${exact}" is not in source ${sourceId}`);
      return { id: `${id}-q${at + 1}`, sourceId, exact, start: where, end: where + exact.length, stance };
    }),
  };
}

const kinds = (flags: readonly AssistantFlag[]) => flags.map((flag) => flag.kind);
const [first, second, third, fourth, fifth] = sentencesOf(demoSummary);

describe("createAssistant on the demo story", () => {
  it("suggests labelled passages for the summary's first sentence, and not the ones already attached", () => {
    const c1 = labelled("c1");
    expect(first?.text).toBe(c1.text);
    const bare = assistant
      .assist({ summary: demoSummary, claims: [claimOn(demoSummary, "c1", c1.text)] })
      .claims.get("c1");
    expect(bare?.suggestions).toHaveLength(5);
    const relevant = c1.support.map((passage) => ({
      source: passage.source,
      ...locate(passage.source, passage.passage),
    }));
    const isRelevant = (suggestion: { sourceId: string; start: number; end: number }) =>
      relevant.some(
        (passage) =>
          passage.source === suggestion.sourceId && passage.start < suggestion.end && suggestion.start < passage.end,
      );
    expect(bare?.suggestions.slice(0, 3).every(isRelevant)).toBe(true);
    for (const suggestion of bare?.suggestions ?? [])
      expect(sourceText(suggestion.sourceId).slice(suggestion.start, suggestion.end)).toBe(suggestion.text);

    const best = bare?.suggestions[0];
    const attached = claimOn(demoSummary, "c1", c1.text, [[best?.sourceId ?? "", best?.text ?? ""]]);
    const next = assistant.assist({ summary: demoSummary, claims: [attached] }).claims.get("c1");
    expect(
      next?.suggestions.some(
        (suggestion) => suggestion.sourceId === best?.sourceId && suggestion.start === best?.start,
      ),
    ).toBe(false);
    expect(next?.suggestions).toHaveLength(5);
  });

  it("asks for a citation on every summary sentence without an evidenced claim, and not on one with", () => {
    const claims = [
      claimOn(demoSummary, "c1", labelled("c1").text, [
        [
          "002",
          "The U.S. Central Intelligence Agency has released two new Mandarin-language videos aimed at recruiting Chinese nationals to provide intelligence to the United States.",
        ],
      ]),
      // A claim without quotes does not make its sentence cited.
      claimOn(demoSummary, "c7", labelled("c7").text),
    ];
    const { flags } = assistant.assist({ summary: demoSummary, claims });
    const citations = flags.filter((flag) => flag.kind === "citation_needed");
    expect(citations.map((flag) => flag.summaryRange)).toEqual(
      [second, third, fourth, fifth].map((sentence) => ({ start: sentence?.start, end: sentence?.end })),
    );
    expect(citations.map((flag) => flag.wordings[0]?.text)).toEqual(
      [second, third, fourth, fifth].map((sentence) => sentence?.text),
    );
    expect(citations.every((flag) => flag.claimId === null && flag.title === "Citation needed")).toBe(true);
  });

  it("counts supporting outlets, warns of a single source and of outlets that all lean one way", () => {
    const c1 = labelled("c1").text;
    const guardian = [
      "card-2",
      "The CIA has launched a Chinese-language social media campaign calling on government officials in China to switch sides and leak secrets to the United States.",
    ] as [string, string];
    const time = ["card-1", "The campaign follows earlier efforts which began in October"] as [string, string];
    const nbc = [
      "004",
      "The CIA on Thursday released two social media videos inviting disillusioned Chinese officials to spy for the United States",
    ] as [string, string];
    const nbcCard = ["card-4", "CIA hopes cinematic videos will persuade Chinese to spy for U.S."] as [string, string];
    const assistOne = (quotes: Array<[string, string, AssistClaimInput["quotes"][number]["stance"]?]>) =>
      assistant.assist({ summary: demoSummary, claims: [claimOn(demoSummary, "c1", c1, quotes)] }).claims.get("c1");

    // NBC News's article and its card are one outlet.
    const single = assistOne([nbc, nbcCard]);
    expect(single?.coverage).toEqual({
      outlets: [{ outlet: "NBC News", biasLabel: "center", sourceIds: ["004", "card-4"] }],
      distinctOutlets: 1,
      singleSource: true,
      oneSided: false,
    });
    expect(kinds(single?.flags ?? [])).toEqual(["single_source"]);
    expect(single?.flags[0]?.title).toBe("Only one outlet supports this claim");
    expect(single?.flags[0]?.wordings.map((wording) => wording.outlet)).toEqual(["NBC News", "NBC News"]);

    const leftOnly = assistOne([guardian, time, [nbc[0], nbc[1], "context"]]);
    expect(leftOnly?.coverage.distinctOutlets).toBe(2);
    expect(leftOnly?.coverage.oneSided).toBe(true);
    const oneSided = leftOnly?.flags.find((flag) => flag.kind === "one_sided");
    expect(oneSided?.title).toBe("Every supporting outlet leans left");
    expect(oneSided?.detail).toContain("The Guardian (leans left), TIME Magazine (leans left)");

    const balanced = assistOne([guardian, time, nbc]);
    expect(balanced?.coverage).toMatchObject({ distinctOutlets: 3, singleSource: false, oneSided: false });
    expect(balanced?.flags.filter((flag) => flag.kind === "single_source" || flag.kind === "one_sided")).toEqual([]);
  });

  it("flags a claim stated as fact whose every supporting quote is attributed, showing the attributing words", () => {
    const c5 = labelled("c5").text;
    const sourcesClaim = [
      "002",
      "The campaign follows similar efforts previously aimed at Russian officials, which U.S. intelligence sources claim have successfully generated new leads and informants.",
    ] as [string, string];
    const officialsSay = ["004", "Officials say the Russian-language videos have proved successful."] as [
      string,
      string,
    ];
    const drift = (quotes: Array<[string, string]>) =>
      assistant
        .assist({ summary: demoSummary, claims: [claimOn(demoSummary, "c5", c5, quotes)] })
        .claims.get("c5")
        ?.flags.find((flag) => flag.kind === "attribution_drift");

    const flag = drift([sourcesClaim, officialsSay]);
    expect(flag?.summaryRange).toEqual({ start: demoSummary.indexOf(c5), end: demoSummary.indexOf(c5) + c5.length });
    expect(flag?.detail).toContain("“U.S. intelligence sources claim”");
    expect(flag?.detail).toContain("“Officials say”");
    const emphasised = flag?.wordings.map((wording) =>
      wording.highlights?.map((range) => wording.text.slice(range.start, range.end)),
    );
    expect(emphasised).toEqual([["U.S. intelligence sources claim"], ["Officials say"]]);
    // 004 also says it without attribution: the claim then has evidence that states it.
    const stated =
      "The cinematic, Mandarin-language videos released across multiple platforms resemble recruiting videos the C.I.A. agency has produced in the past few years aimed at encouraging Russians to share secrets with the U.S.";
    expect(drift([sourcesClaim, officialsSay, ["004", stated]])).toBeUndefined();
    // A claim that says who speaks is not stated as fact.
    const c4 = labelled("c4").text;
    const ratcliffe = [
      "001",
      "“No adversary in the history of our nation has presented a more formidable challenge or capable strategic competitor than the Chinese Communist Party,” Ratcliffe said in an emailed statement.",
    ] as [string, string];
    const c4Flags = assistant
      .assist({ summary: demoSummary, claims: [claimOn(demoSummary, "c4", c4, [ratcliffe])] })
      .claims.get("c4")?.flags;
    expect(kinds(c4Flags ?? [])).not.toContain("attribution_drift");
  });

  it("flags a number of a claim that its quote states differently, where it is in the summary", () => {
    const summary = "Last year's text-only video was viewed 2.9 million times.";
    const claim = claimOn(summary, "views", summary, [
      ["004", "The video was viewed 900,000 times, agency officials said."],
    ]);
    const flag = assistant
      .assist({ summary, claims: [claim] })
      .flags.find((candidate) => candidate.kind === "claim_discrepancy");
    expect(flag?.title).toBe("The summary says 2.9 million; NBC News says 900,000");
    expect(summary.slice(flag?.summaryRange?.start, flag?.summaryRange?.end)).toBe("2.9 million");
    expect(flag?.wordings[1]).toMatchObject({
      sourceId: "004",
      outlet: "NBC News",
      text: "The video was viewed 900,000 times, agency officials said.",
    });
  });

  it("puts a misquote on the claim that holds the quotation, and on the story when no claim does", () => {
    const summary =
      "A CIA official said “we always have an open door for them.” Another said “we wouldn't be making more videos otherwise.”";
    const claim = claimOn(summary, "door", "A CIA official said “we always have an open door for them.”");
    const { flags, claims } = assistant.assist({ summary, claims: [claim] });
    const misquotes = flags.filter((flag) => flag.kind === "misquote");
    expect(
      misquotes.map((flag) => [flag.claimId, summary.slice(flag.summaryRange?.start, flag.summaryRange?.end)]),
    ).toEqual([
      ["door", "we always have an open door for them"],
      [null, "we wouldn't be making more videos otherwise"],
    ]);
    expect(misquotes[0]?.title).toBe("Quoted differently by NBC News");
    expect(misquotes[0]?.detail).toContain("“to” where the quotation has “for”");
    expect(claims.get("door")?.flags.map((flag) => flag.id)).toContain(misquotes[0]?.id);
  });

  it("lists what the sources say differently from each other after the summary's flags", () => {
    const { flags } = assistant.assist({ summary: demoSummary, claims: [] });
    const firstSourceFlag = flags.findIndex((flag) => flag.summaryRange === null);
    expect(flags.slice(0, firstSourceFlag).every((flag) => flag.kind === "citation_needed")).toBe(true);
    expect(
      flags
        .slice(firstSourceFlag)
        .every((flag) => flag.kind === "source_misquote" || flag.kind === "source_discrepancy"),
    ).toBe(true);
    const times = flags.find(
      (flag) => flag.kind === "source_discrepancy" && flag.title.startsWith("Sources give different times"),
    );
    expect(
      times?.wordings.map((wording) => [
        wording.outlet,
        wording.text.slice(wording.highlights?.[0]?.start, wording.highlights?.[0]?.end),
      ]),
    ).toEqual([
      ["Bloomberg", "Last year"],
      ["Outlet not stated", "Last year"],
      ["Myind", "last October"],
      ["NBC News", "Six months ago"],
      // TIME's card: "The campaign follows earlier efforts which began in October".
      ["TIME Magazine", "October"],
    ]);
    const weren = flags.find(
      (flag) =>
        flag.kind === "source_misquote" &&
        flag.wordings[0]?.sourceId === "003" &&
        flag.wordings[0]?.text.startsWith("If it weren't"),
    );
    expect(weren?.title).toBe("Myind quotes this differently from NBC News");
    for (const flag of flags.slice(firstSourceFlag)) {
      for (const wording of flag.wordings)
        expect(sourceText(wording.sourceId ?? "").slice(wording.start, wording.end)).toBe(wording.text);
    }
  });

  it("gives the same flag the same id on every run, and a new id when the claim's words change", () => {
    const c5 = labelled("c5").text;
    const quotes: Array<[string, string]> = [
      ["004", "Officials say the Russian-language videos have proved successful."],
    ];
    const input = { summary: demoSummary, claims: [claimOn(demoSummary, "c5", c5, quotes)] };
    const once = assistant.assist(input).flags;
    expect(assistant.assist(input).flags).toEqual(once);
    expect(new Set(once.map((flag) => flag.id)).size).toBe(once.length);
    expect(kinds(once.filter((flag) => flag.claimId === "c5"))).toEqual(["single_source", "attribution_drift"]);

    const edited = demoSummary.replace(c5, c5.replace("previous", "earlier"));
    const after = assistant.assist({
      summary: edited,
      claims: [claimOn(edited, "c5", c5.replace("previous", "earlier"), quotes)],
    }).flags;
    const ids = (flags: readonly AssistantFlag[], kind: AssistantFlag["kind"]) =>
      flags.filter((flag) => flag.kind === kind).map((flag) => flag.id);
    expect(ids(after, "attribution_drift")).toHaveLength(1);
    expect(ids(after, "attribution_drift")).not.toEqual(ids(once, "attribution_drift"));
    expect(ids(after, "single_source")).not.toEqual(ids(once, "single_source"));
    // The sentences nobody touched keep their citation flags' ids; the edited sentence gets a new one.
    const untouched = ids(once, "citation_needed").filter((id) => ids(after, "citation_needed").includes(id));
    expect(untouched).toHaveLength(4);
  });

  it("gives a detached claim its coverage but no suggestions or flags on words it no longer has", () => {
    const detached: AssistClaimInput = {
      ...claimOn(demoSummary, "c7", labelled("c7").text, [
        ["004", "The Chinese embassy did not immediately respond to a request for comment."],
      ]),
      text: null,
      span: null,
    };
    const result = assistant.assist({ summary: demoSummary, claims: [detached] }).claims.get("c7");
    expect(result?.suggestions).toEqual([]);
    expect(result?.coverage.distinctOutlets).toBe(1);
    expect(result?.flags.map((flag) => [flag.kind, flag.summaryRange])).toEqual([["single_source", null]]);
  });
});
