import type { AssistClaimInput, AssistantFlag } from "../assistance";
import { contentStems, sentencesOf } from "../text-analysis";
import { flagId, type FlagKindDefinition } from "./flag-kind";
import { summaryWording } from "./wordings";

/** A summary sentence that carries no claim with evidence. */
export const citationNeededKind: FlagKindDefinition<"citation_needed"> = {
  id: "citation_needed",
  label: "Citation needed",
  scopes: ["story"],
};

/**
 * citation_needed for every summary sentence with content words that overlaps no claim having a quote; the
 * flag id hashes the sentence's words (and how many identical sentences came before it).
 */
export function citationNeededFlags(summary: string, claims: readonly AssistClaimInput[]): AssistantFlag[] {
  const evidenced = claims.flatMap((claim) => (claim.span && claim.quotes.length > 0 ? [claim.span] : []));
  const seen = new Map<string, number>();
  const flags: AssistantFlag[] = [];
  for (const sentence of sentencesOf(summary)) {
    if (contentStems(sentence.tokens).length === 0) continue;
    const occurrence = (seen.get(sentence.text) ?? 0) + 1;
    seen.set(sentence.text, occurrence);
    if (evidenced.some((span) => span.start < sentence.end && sentence.start < span.end)) continue;
    flags.push({
      id: flagId(citationNeededKind, "story", [sentence.text, String(occurrence)]),
      kind: citationNeededKind.id,
      severity: "low",
      claimId: null,
      title: "Citation needed",
      detail:
        "No claim with evidence covers this sentence. Mark what it states as a claim and attach a quote that supports it.",
      wordings: [summaryWording(sentence.text)],
      summaryRange: { start: sentence.start, end: sentence.end },
    });
  }
  return flags;
}
