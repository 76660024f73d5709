import type { AssistClaimInput, AssistantFlag, ClaimCoverage } from "../assistance";
import { leanOf } from "../coverage";
import { biasLabelText } from "../../import/bias-label";
import { flagId, type FlagKindDefinition } from "./flag-kind";
import { supportingWordings } from "./wordings";

/** A claim whose supporting outlets all lean the same way (claimCoverage in lib/assistant/coverage.ts). */
export const oneSidedKind: FlagKindDefinition<"one_sided"> = {
  id: "one_sided",
  label: "One-sided",
  scopes: ["claim"],
};

/** one_sided when two or more outlets support the claim and all lean the same way. */
export function oneSidedFlags(claim: AssistClaimInput, coverage: ClaimCoverage): AssistantFlag[] {
  // One outlet is already a single-source warning; one-sided adds something only from two outlets on.
  const lean = leanOf(coverage.outlets[0]?.biasLabel ?? "unknown");
  if (!coverage.oneSided || coverage.distinctOutlets < 2 || !lean) return [];
  return [
    {
      id: flagId(oneSidedKind, claim.id, [claim.text ?? "", ...coverage.outlets.map((outlet) => outlet.outlet)]),
      kind: oneSidedKind.id,
      severity: "low",
      claimId: claim.id,
      title: `Every supporting outlet leans ${lean}`,
      detail: `${coverage.outlets.map((outlet) => `${outlet.outlet} (${biasLabelText(outlet.biasLabel).toLowerCase()})`).join(", ")} support this claim. Look for a center or ${lean === "left" ? "right" : "left"}-leaning outlet that reports it too.`,
      wordings: supportingWordings(claim, coverage),
      summaryRange: claim.span,
    },
  ];
}
