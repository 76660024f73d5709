import type { AssistantFlag } from "../assistance";
import type { SourceDiscrepancy } from "../discrepancies";
import type { Fact } from "../facts";
import { flagId, type FlagKindDefinition } from "./flag-kind";
import { sourceWording } from "./wordings";

/**
 * A fact the sources state with different values (found once per set of sources by sourceDiscrepancies in
 * lib/assistant/discrepancies.ts).
 */
export const sourceDiscrepancyKind: FlagKindDefinition<"source_discrepancy"> = {
  id: "source_discrepancy",
  label: "Sources disagree",
  scopes: ["story"],
};

const FACT_KIND_TEXT: Record<Fact["kind"], string> = { number: "numbers", time: "times", list: "lists" };

/** The source_discrepancy flag of a fact the sources state differently. */
export function sourceDiscrepancyFlag(discrepancy: SourceDiscrepancy): AssistantFlag {
  const values = [...new Set(discrepancy.wordings.map((wording) => wording.fact.wording))];
  return {
    id: flagId(
      sourceDiscrepancyKind,
      discrepancy.wordings[0]?.sourceId ?? "story",
      discrepancy.wordings.map(
        (wording) => `${wording.sourceId}\u0001${wording.fact.wording}\u0001${wording.sentence}`,
      ),
    ),
    kind: sourceDiscrepancyKind.id,
    claimId: null,
    title: `Sources give different ${FACT_KIND_TEXT[discrepancy.kind]}: ${values.join(" / ")}`,
    detail: `${discrepancy.wordings.map((wording) => `${wording.outlet} says “${wording.fact.wording}”`).join("; ")}. Check which is right before the summary repeats one of them.`,
    wordings: discrepancy.wordings.map((wording) =>
      sourceWording(wording, wording.sentence, wording.sentenceStart, [wording.fact]),
    ),
    summaryRange: null,
  };
}
