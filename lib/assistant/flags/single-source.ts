import type { AssistClaimInput, AssistantFlag, ClaimCoverage } from "../assistance";
import { leanOf } from "../coverage";
import { flagId, type FlagKindDefinition } from "./flag-kind";
import { supportingWordings } from "./wordings";

/** A claim whose supporting quotes all come from one outlet (claimCoverage in lib/assistant/coverage.ts). */
export const singleSourceKind: FlagKindDefinition<"single_source"> = {
  id: "single_source",
  label: "Single source",
  scopes: ["claim"],
};

/** single_source when exactly one outlet supports the claim. */
export function singleSourceFlags(claim: AssistClaimInput, coverage: ClaimCoverage): AssistantFlag[] {
  const [only] = coverage.outlets;
  if (!coverage.singleSource || !only) return [];
  const lean = leanOf(only.biasLabel);
  return [
    {
      id: flagId(singleSourceKind, claim.id, [claim.text ?? "", only.outlet]),
      kind: singleSourceKind.id,
      severity: "medium",
      claimId: claim.id,
      title: "Only one outlet supports this claim",
      detail: `Every supporting quote comes from ${only.outlet}${lean ? `, which leans ${lean}` : ""}. Look for an independent outlet that reports it too.`,
      wordings: supportingWordings(claim, coverage),
      summaryRange: claim.span,
    },
  ];
}
