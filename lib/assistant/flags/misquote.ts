import type { AssistClaimInput, AssistantFlag } from "../assistance";
import type { QuotationFlag } from "../quotations";
import { flagId, type FlagKindDefinition } from "./flag-kind";
import { sourceWording, summaryWording } from "./wordings";

/**
 * A quotation in the summary that no source has verbatim (found by summaryQuotationCheck in
 * lib/assistant/quotations.ts): on the claim that holds it, or on the story when no claim does.
 */
export const misquoteKind: FlagKindDefinition<"misquote"> = {
  id: "misquote",
  label: "Quotation not in sources",
  scopes: ["claim", "story"],
};

/** The misquote flag of a quotation of the summary, on its claim or (claim null) on the story. */
export function misquoteFlag(flag: QuotationFlag, claim: AssistClaimInput | null): AssistantFlag {
  const { quotation, closest } = flag;
  return {
    id: flagId(misquoteKind, claim?.id ?? "story", [claim?.text ?? "", quotation.text]),
    kind: misquoteKind.id,
    severity: "high",
    claimId: claim?.id ?? null,
    title: closest ? `Quoted differently by ${closest.outlet}` : "No source has this quotation",
    detail: closest
      ? `No source has “${quotation.text}” word for word. ${closest.outlet} has “${closest.text}”${differenceText(closest.differences)}.`
      : `No source has “${quotation.text}” or anything close to it. Check who said it, or attach the source that has it.`,
    wordings: [
      summaryWording(quotation.text),
      ...(closest ? [sourceWording(closest, closest.text, closest.start)] : []),
    ],
    summaryRange: { start: quotation.start, end: quotation.end },
  };
}

/** ": “wasn” where the quotation has “weren”", from word changes quotation → source. */
function differenceText(differences: ReadonlyArray<{ change: "-" | "+"; words: string }>): string {
  const removed = differences.filter((part) => part.change === "-").map((part) => `“${part.words}”`);
  const added = differences.filter((part) => part.change === "+").map((part) => `“${part.words}”`);
  if (added.length > 0 && removed.length > 0)
    return `: ${added.join(", ")} where the quotation has ${removed.join(", ")}`;
  if (added.length > 0) return `: it also has ${added.join(", ")}`;
  if (removed.length > 0) return `: without ${removed.join(", ")}`;
  return "";
}
