import type { AssistClaimInput, AssistantFlag } from "../assistance";
import { attributionsIn, isAttributedClaim, type Attribution } from "../attribution";
import type { IndexedSentence } from "../evidence-index";
import type { AssistantSource } from "../sources";
import { sentencesOf } from "../text-analysis";
import { flagId, type FlagKindDefinition } from "./flag-kind";
import { outletOf, sourceWording } from "./wordings";

/**
 * A claim stated as fact whose only evidence is attributed in its source ("officials say"), found with
 * attributionsIn and isAttributedClaim of lib/assistant/attribution.ts.
 */
export const attributionDriftKind: FlagKindDefinition<"attribution_drift"> = {
  id: "attribution_drift",
  label: "Attribution dropped",
  scopes: ["claim"],
};

/** attribution_drift: the claim states as fact what every supporting quote attributes to someone. */
export function attributionDriftFlags(
  claim: AssistClaimInput,
  quoteSentences: (quote: AssistClaimInput["quotes"][number]) => IndexedSentence[],
  sources: ReadonlyMap<string, AssistantSource>,
): AssistantFlag[] {
  if (!claim.text || !claim.span) return [];
  const supporting = claim.quotes.filter((quote) => quote.stance === "supports");
  if (supporting.length === 0 || isAttributedClaim(sentencesOf(claim.text).flatMap((sentence) => sentence.tokens)))
    return [];
  const attributed: Array<{
    quote: (typeof supporting)[number];
    sentences: IndexedSentence[];
    attributions: Attribution[];
  }> = [];
  for (const quote of supporting) {
    const sentences = quoteSentences(quote);
    const perSentence = sentences.map((entry) => attributionsIn(entry.sentence));
    if (sentences.length === 0 || perSentence.some((found) => found.length === 0)) return [];
    attributed.push({ quote, sentences, attributions: perSentence.flat() });
  }
  const words = attributed.map(
    ({ quote, attributions }) =>
      `${outletOf(quote.sourceId, sources)}: “${attributions.map((found) => found.words).join("”, “")}”`,
  );
  return [
    {
      id: flagId(attributionDriftKind, claim.id, [
        claim.text,
        ...attributed.flatMap(({ attributions }) => attributions.map((found) => found.words)),
      ]),
      kind: attributionDriftKind.id,
      severity: "medium",
      claimId: claim.id,
      title: "Stated as fact, but the sources attribute it",
      detail: `The claim says this as fact; its evidence only reports what someone says (${[...new Set(words)].join("; ")}). Say who says it, or find a source that states it.`,
      wordings: attributed.map(({ quote, sentences, attributions }) => {
        const first = sentences[0] as IndexedSentence;
        const last = sentences[sentences.length - 1] as IndexedSentence;
        const text = (sources.get(quote.sourceId)?.text ?? "").slice(first.sentence.start, last.sentence.end);
        return sourceWording(
          { sourceId: quote.sourceId, outlet: outletOf(quote.sourceId, sources) },
          text,
          first.sentence.start,
          attributions,
        );
      }),
      summaryRange: claim.span,
    },
  ];
}
