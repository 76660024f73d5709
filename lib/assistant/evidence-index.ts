import bm25Vectorizer from "wink-nlp/utilities/bm25-vectorizer";
import type { AssistantSource } from "./sources";
import { contentStems, isContent, sentencesOf, type Sentence } from "./text-analysis";

/** A source sentence the index can rank. */
export interface IndexedSentence {
  sourceId: string;
  outlet: string;
  sentence: Sentence;
  /** BM25 weight of each of the sentence's stems. */
  weights: Map<string, number>;
}

/** BM25 over the sentences of a story's sources, built once per set of source texts. */
export interface EvidenceIndex {
  sentences: IndexedSentence[];
  /** For each stem, the sentences that hold it (indexes into `sentences`). */
  postings: Map<string, number[]>;
  /** Stems by their first KIN_PREFIX letters. */
  kin: Map<string, string[]>;
}

/** Stems that agree on this many first letters are kin words. */
const KIN_PREFIX = 6;
/** What a kin word is worth beside the word itself. */
const KIN_WEIGHT = 0.5;
/** A source's best sentence is moved up only when it scores at least this share of the best suggestion. */
const DIVERSITY_FLOOR = 0.5;

/** A passage the assistant suggests as evidence for a claim. */
export interface EvidenceSuggestion {
  sourceId: string;
  outlet: string;
  /** Offsets of the sentence in its source's text, ready for a quote selector. */
  start: number;
  end: number;
  text: string;
  score: number;
  /** The sentence's words that match the claim's, as they are written in the source. */
  matchedTerms: string[];
}

/**
 * Indexes every sentence of the sources with BM25 (k1 1.2, b 0.75: the usual values for short documents)
 * over stemmed content words, using wink-nlp's BM25 vectoriser.
 */
export function buildEvidenceIndex(sources: readonly AssistantSource[]): EvidenceIndex {
  const entries: Array<Omit<IndexedSentence, "weights">> = [];
  for (const source of sources) {
    for (const sentence of sentencesOf(source.text)) entries.push({ sourceId: source.id, outlet: source.outlet, sentence });
  }
  if (entries.length === 0) return { sentences: [], postings: new Map(), kin: new Map() };
  const vectoriser = bm25Vectorizer({ k: 1, k1: 1.2, b: 0.75, norm: "none" });
  const stems = entries.map((entry) => contentStems(entry.sentence.tokens));
  for (const tokens of stems) vectoriser.learn(tokens);
  const postings = new Map<string, number[]>();
  const sentences = entries.map((entry, index) => {
    // doc(n).out() returns the document's BM25 weights by term (wink-nlp's types call it a Document).
    const document = vectoriser.doc(index) as unknown as { out(): Record<string, number> };
    const weights = new Map(Object.entries(document.out()));
    for (const stem of weights.keys()) {
      const list = postings.get(stem);
      if (list) list.push(index);
      else postings.set(stem, [index]);
    }
    return { ...entry, weights };
  });
  const kin = new Map<string, string[]>();
  for (const stem of postings.keys()) {
    if (stem.length < KIN_PREFIX) continue;
    const prefix = stem.slice(0, KIN_PREFIX);
    kin.set(prefix, [...(kin.get(prefix) ?? []), stem]);
  }
  return { sentences, postings, kin };
}

/**
 * The k source sentences most relevant to a claim: the sum of the BM25 weights of the claim's stems in each
 * sentence, with the best sentence of each source first (evidence from several outlets is worth more than
 * a second sentence of one), then the rest by score. Sentences that share no content word with the claim are never suggested;
 * `exclude` leaves out passages already attached (by source and start offset).
 * @example suggestEvidence(index, "The CIA released two videos", { k: 3 })[0].matchedTerms // ["CIA", "released", "two", "videos"]
 */
export function suggestEvidence(
  index: EvidenceIndex,
  claimText: string,
  { k = 5, exclude = [] }: { k?: number; exclude?: ReadonlyArray<{ sourceId: string; start: number; end: number }> } = {},
): EvidenceSuggestion[] {
  const queryStems = new Set(sentencesOf(claimText).flatMap((sentence) => contentStems(sentence.tokens)));
  const scores = new Map<number, number>();
  const add = (at: number, weight: number) => scores.set(at, (scores.get(at) ?? 0) + weight);
  for (const stem of queryStems) {
    for (const at of index.postings.get(stem) ?? []) add(at, index.sentences[at]?.weights.get(stem) ?? 0);
    // Kin words the stemmer keeps apart ("Russia"/"Russian", "dissatisfaction"/"dissatisfied") count half.
    if (stem.length < KIN_PREFIX) continue;
    for (const kin of index.kin.get(stem.slice(0, KIN_PREFIX)) ?? []) {
      if (kin === stem) continue;
      for (const at of index.postings.get(kin) ?? []) add(at, KIN_WEIGHT * (index.sentences[at]?.weights.get(kin) ?? 0));
    }
  }
  const excluded = (entry: IndexedSentence) =>
    exclude.some((range) => range.sourceId === entry.sourceId && range.start < entry.sentence.end && entry.sentence.start < range.end);
  const ranked = [...scores]
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([at, score]) => ({ entry: index.sentences[at] as IndexedSentence, score }))
    .filter(({ entry }) => !excluded(entry));
  // Corroboration comes from different outlets: each source's best sentence first, then the rest by score.
  const seen = new Set<string>();
  const floor = (ranked[0]?.score ?? 0) * DIVERSITY_FLOOR;
  const firsts = ranked.filter(({ entry, score }) => score >= floor && !seen.has(entry.sourceId) && seen.add(entry.sourceId));
  const rest = ranked.filter((item) => !firsts.includes(item));
  return [...firsts, ...rest]
    .slice(0, k)
    .map(({ entry, score }) => ({
      sourceId: entry.sourceId,
      outlet: entry.outlet,
      start: entry.sentence.start,
      end: entry.sentence.end,
      text: entry.sentence.text,
      score,
      matchedTerms: [...new Set(entry.sentence.tokens.filter((token) => isContent(token) && queryStems.has(token.stem)).map((token) => token.value))],
    }));
}
