import { buildEvidenceIndex, suggestEvidence, type EvidenceIndex } from "./evidence-index";
import type { Verdict } from "../review/review-state";
import { contentStems, sentencesOf } from "./text-analysis";

/** A claim of a published check that resembles a claim of the draft, as the workspace shows it. */
export interface CheckedBeforeMatch {
  slug: string;
  /** The check's title in that version. */
  title: string;
  version: number;
  publishedAt: string;
  claimId: string;
  claimText: string;
  verdict: Verdict;
  verdictText: string;
  /** The claim's quotes: each source's outlet (null when the source names none), the words quoted, its stance. */
  evidence: Array<{ outlet: string | null; exact: string; stance: string }>;
  /** The claim on its reader page: /stories/<slug>/v/<n>#claim-<id>. */
  url: string;
  /** Dice share of content words in common with the draft's claim (rankPublishedClaims). */
  resemblance: number;
  matchedTerms: string[];
}

/** Published claims indexed for "checked before": each claim's words as one source of the evidence index. */
export interface PublishedClaimIndex<T extends { text: string }> {
  claims: readonly T[];
  index: EvidenceIndex;
  stems: Array<Set<string>>;
}

/** A published claim that resembles a claim of the draft. */
export interface ResemblingClaim<T> {
  claim: T;
  /** BM25 score of the claim's best sentence for the draft's claim (evidence-index.ts), by which they are ranked. */
  score: number;
  /** Dice coefficient of the two claims' content stems: 1 for the same words, 0 for none in common. */
  resemblance: number;
  /** The published claim's words that match the draft's, as written. */
  matchedTerms: string[];
}

/**
 * A published claim resembles the draft's when they share at least this share of their content words (Dice):
 * "CIA released two videos to recruit Chinese officials" and the seed summary's first clause share 0.78;
 * "Chinese officials have yet to respond" and that clause 0.27.
 */
export const RESEMBLANCE = 0.5;

const stemsOf = (text: string) => new Set(sentencesOf(text).flatMap((sentence) => contentStems(sentence.tokens)));

/**
 * Indexes published claims (each with its words in `text`) with the assistant's BM25 evidence index, once
 * per set of claims.
 */
export function indexPublishedClaims<T extends { text: string }>(claims: readonly T[]): PublishedClaimIndex<T> {
  return {
    claims,
    index: buildEvidenceIndex(
      claims.map((claim, at) => ({ id: String(at), outlet: "", biasLabel: "unknown", text: claim.text })),
    ),
    stems: claims.map((claim) => stemsOf(claim.text)),
  };
}

/**
 * The published claims that resemble a draft's claim, best first: ranked by the BM25 score of their best
 * sentence for the claim's words (suggestEvidence), kept when they share RESEMBLANCE of their content words.
 * @example rankPublishedClaims(indexPublishedClaims([{ text: "The CIA released two videos." }]), "CIA released two videos")[0]?.resemblance // 1
 */
export function rankPublishedClaims<T extends { text: string }>(
  published: PublishedClaimIndex<T>,
  claimText: string,
  { limit = 3 }: { limit?: number } = {},
): Array<ResemblingClaim<T>> {
  const wanted = stemsOf(claimText);
  if (wanted.size === 0) return [];
  const best = new Map<number, { score: number; matchedTerms: string[] }>();
  for (const suggestion of suggestEvidence(published.index, claimText, { k: published.index.sentences.length })) {
    const at = Number(suggestion.sourceId);
    if ((best.get(at)?.score ?? -1) < suggestion.score) best.set(at, suggestion);
  }
  const ranked: Array<ResemblingClaim<T>> = [];
  for (const [at, { score, matchedTerms }] of best) {
    const stems = published.stems[at] ?? new Set<string>();
    const shared = [...stems].filter((stem) => wanted.has(stem)).length;
    const resemblance = (2 * shared) / (stems.size + wanted.size);
    if (resemblance >= RESEMBLANCE) ranked.push({ claim: published.claims[at] as T, score, resemblance, matchedTerms });
  }
  return ranked.sort((a, b) => b.score - a.score).slice(0, limit);
}
