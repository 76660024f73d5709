import type { AssistantFlag } from "../assistance";
import type { QuotationFlag } from "../quotations";
import type { AssistantSource } from "../sources";
import { flagId, type FlagKindDefinition } from "./flag-kind";
import { sourceWording } from "./wordings";

/**
 * A source's quotation of a speaker that differs from another source's quotation of the same speech, or that
 * no other source has (found once per set of sources by checkSourceQuotations in lib/assistant/quotations.ts).
 */
export const sourceMisquoteKind: FlagKindDefinition<"source_misquote"> = {
  id: "source_misquote",
  label: "Sources quote differently",
  scopes: ["story"],
};

/** The source_misquote flag of a source's quotation. */
export function sourceMisquoteFlag(flag: QuotationFlag, sources: ReadonlyMap<string, AssistantSource>): AssistantFlag {
  const { quotation, closest } = flag;
  const outlet = sources.get(flag.in)?.outlet ?? flag.in;
  return {
    id: flagId(sourceMisquoteKind, flag.in, [quotation.text, closest?.text ?? ""]),
    kind: sourceMisquoteKind.id,
    severity: "medium",
    claimId: null,
    title: closest
      ? `${outlet} quotes this differently from ${closest.outlet}`
      : `${outlet}'s quotation is not in other sources`,
    detail: closest
      ? `${outlet} quotes “${quotation.text}”; ${closest.outlet} quotes “${closest.text}”. At most one of them has the speaker's exact words.`
      : `${outlet} quotes “${quotation.text}”, which no other source has.`,
    wordings: [
      sourceWording({ sourceId: flag.in, outlet }, quotation.text, quotation.start),
      ...(closest ? [sourceWording(closest, closest.text, closest.start)] : []),
    ],
    summaryRange: null,
  };
}
