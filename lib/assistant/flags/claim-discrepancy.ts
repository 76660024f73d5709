import type { AssistClaimInput, AssistantFlag } from "../assistance";
import { claimDiscrepancies } from "../discrepancies";
import type { FactContext } from "../facts";
import type { AssistantSource } from "../sources";
import { flagId, type FlagKindDefinition } from "./flag-kind";
import { outletOf, sourceWording, summaryWording } from "./wordings";

/**
 * A number, time or list in a claim that its quotes state differently (found by claimDiscrepancies in
 * lib/assistant/discrepancies.ts).
 */
export const claimDiscrepancyKind: FlagKindDefinition<"claim_discrepancy"> = {
  id: "claim_discrepancy",
  label: "Differs from its quotes",
  scopes: ["claim"],
};

/** Numbers, times and lists of the claim that its supporting and context quotes state differently. */
export function claimDiscrepancyFlags(
  claim: AssistClaimInput,
  sources: ReadonlyMap<string, AssistantSource>,
  times: ReadonlyMap<string, FactContext> = new Map(),
): AssistantFlag[] {
  if (!claim.text || !claim.span) return [];
  const { text, span } = claim;
  // A contradicting quote is attached because it says otherwise: flagging that would tell the editor nothing.
  const quotes = claim.quotes.filter((quote) => quote.stance !== "contradicts");
  const byId = new Map(quotes.map((quote) => [quote.id, quote]));
  return claimDiscrepancies(
    text,
    quotes.map((quote) => ({ id: quote.id, text: quote.exact, context: times.get(quote.sourceId) })),
  ).map(({ claimFact, quoteFacts, severity }) => {
    const said = [
      ...new Set(
        quoteFacts.map(({ quoteId, fact }) => `${outletOf(byId.get(quoteId)?.sourceId, sources)} says ${fact.wording}`),
      ),
    ];
    return {
      id: flagId(claimDiscrepancyKind, claim.id, [
        text,
        claimFact.wording,
        ...quoteFacts.map(({ fact }) => fact.wording),
      ]),
      kind: claimDiscrepancyKind.id,
      severity,
      claimId: claim.id,
      title: `The summary says ${claimFact.wording}; ${said.join("; ")}`,
      detail: `The claim's ${claimFact.kind === "list" ? "list" : claimFact.kind} differs from what its quotes say. Check which is right, or whether they speak of different things.`,
      wordings: [
        summaryWording(text, { start: claimFact.start, end: claimFact.end }),
        ...quoteFacts.flatMap(({ quoteId, fact }) => {
          const quote = byId.get(quoteId);
          if (!quote) return [];
          const source = { sourceId: quote.sourceId, outlet: outletOf(quote.sourceId, sources) };
          return [
            sourceWording(source, quote.exact, quote.start, [
              { start: quote.start + fact.start, end: quote.start + fact.end },
            ]),
          ];
        }),
      ],
      summaryRange: { start: span.start + claimFact.start, end: span.start + claimFact.end },
    };
  });
}
