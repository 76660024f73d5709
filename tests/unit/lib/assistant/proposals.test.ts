import { describe, expect, it } from "vitest";
import { proposeClaims } from "@/lib/assistant/proposals";
import { proposalReasonText, unclaimedProposals } from "@/lib/assistant/proposals-claimed";
import { demoSummary } from "../../../fixtures/assistant/seed-story";

const reasonsOf = (text: string) =>
  Object.fromEntries(proposeClaims(text).map((proposal) => [proposal.text, proposal.reasons]));

describe("claim proposals", () => {
  it("proposes each check-worthy sentence of the seed summary, with offsets in the summary", () => {
    const proposals = proposeClaims(demoSummary);
    for (const proposal of proposals) expect(demoSummary.slice(proposal.start, proposal.end)).toBe(proposal.text);
    expect(proposals.map((proposal) => proposal.text)).toEqual([
      "The CIA has released two Mandarin-language recruitment videos targeting disillusioned Chinese officials, aiming to encourage them to leak secrets to the U.S.",
      "This initiative, part of an increased focus on gathering intelligence from China, showcases fictional scenarios in which officials express frustration over the ruling Communist Party's corruption and repression.",
      "CIA Director John Ratcliffe emphasized the urgency of this effort, describing the Chinese Communist Party as a significant challenge for U.S. interests.",
      "The campaign follows previous successes in recruiting informants from Russia",
      "indicates the agency's strategy to exploit dissatisfaction within authoritarian regimes.",
      "Chinese officials have yet to respond.",
    ]);
  });

  it("gives each proposal its reasons with the words that show them", () => {
    const [first, , third] = proposeClaims(demoSummary);
    expect(first?.reasons).toEqual([
      { kind: "number", words: ["two"] },
      { kind: "named", words: ["CIA", "Mandarin", "Chinese", "U.S."] },
      { kind: "causal", words: ["aiming to"] },
    ]);
    expect(third && proposalReasonText(third)).toBe(
      "Names: CIA Director John Ratcliffe, Chinese Communist Party, U.S. · Attributed: emphasized, describing",
    );
  });

  it("finds quantities, dates and comparisons, and leaves out a sentence with no reason to check it", () => {
    const reasons = reasonsOf(
      "Officials said the larger blast was worse than expected. It rained. About 1,500 people left on Monday.",
    );
    expect(Object.keys(reasons)).toEqual([
      "Officials said the larger blast was worse than expected.",
      "About 1,500 people left on Monday.",
    ]);
    expect(reasons["Officials said the larger blast was worse than expected."]).toEqual([
      { kind: "attribution", words: ["said"] },
      { kind: "comparative", words: ["than", "larger"] },
    ]);
    expect(reasons["About 1,500 people left on Monday."]).toEqual([
      { kind: "number", words: ["About 1,500", "Monday"] },
    ]);
  });

  it("counts a sentence's capitalised first word as a name only when the text capitalises it elsewhere too", () => {
    expect(reasonsOf("Federal agencies sent investigators to find what caused it.")).toEqual({
      "Federal agencies sent investigators to find what caused it.": [{ kind: "causal", words: ["caused"] }],
    });
    expect(
      reasonsOf("Chinese officials did not respond. The embassy of the Chinese state was closed.")[
        "Chinese officials did not respond."
      ],
    ).toEqual([
      { kind: "named", words: ["Chinese"] },
      { kind: "attribution", words: ["respond"] },
    ]);
  });

  it("keeps a list of nouns joined by 'and' in one proposal, and splits two coordinated predications", () => {
    expect(proposeClaims("The CIA cited corruption and repression in 2024.").map((proposal) => proposal.text)).toEqual([
      "The CIA cited corruption and repression in 2024.",
    ]);
    expect(
      proposeClaims("The CIA released two videos, and officials said they worked.").map((proposal) => proposal.text),
    ).toEqual(["The CIA released two videos", "officials said they worked."]);
  });

  it("drops proposals that a claim already covers by half or more", () => {
    const proposals = proposeClaims(demoSummary);
    const [first, second] = proposals;
    const left = unclaimedProposals(proposals, [
      { start: first!.start, end: first!.end },
      { start: second!.start, end: second!.start + 10 },
    ]);
    expect(left.map((proposal) => proposal.id)).toEqual(proposals.slice(1).map((proposal) => proposal.id));
  });
});
