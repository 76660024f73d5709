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

/**
 * The source_discrepancy flag of a fact the sources state differently: its title names the values that
 * cannot both be right, its detail says how relative dates and zoned times were read, and its severity is
 * the finding's.
 */
export function sourceDiscrepancyFlag(discrepancy: SourceDiscrepancy): AssistantFlag {
  const values = [...new Set(discrepancy.wordings.map((wording) => wording.fact.wording))];
  const pairs = discrepancy.conflicts.map(([a, b]) => {
    const [x, y] = [discrepancy.wordings[a], discrepancy.wordings[b]];
    return `${x?.outlet} “${x?.fact.wording}” against ${y?.outlet} “${y?.fact.wording}”`;
  });
  const partial = discrepancy.wordings.some((wording) => wording.fact.scale === "mention");
  return {
    id: flagId(
      sourceDiscrepancyKind,
      discrepancy.wordings[0]?.sourceId ?? "story",
      discrepancy.wordings.map(
        (wording) => `${wording.sourceId}\u0001${wording.fact.wording}\u0001${wording.sentence}`,
      ),
    ),
    kind: sourceDiscrepancyKind.id,
    severity: discrepancy.severity,
    claimId: null,
    title: `Sources give different ${FACT_KIND_TEXT[discrepancy.kind]}: ${values.join(" / ")}`,
    detail: [
      `${pairs.join("; ")}${partial ? " (one names only part of the list)" : ""}.`,
      discrepancy.readings.length > 0 ? `Read as: ${discrepancy.readings.join("; ")}.` : "",
      "Check which is right before the summary repeats one of them.",
    ]
      .filter(Boolean)
      .join(" "),
    wordings: discrepancy.wordings.map((wording) =>
      sourceWording(wording, wording.sentence, wording.sentenceStart, [wording.fact]),
    ),
    summaryRange: null,
  };
}
