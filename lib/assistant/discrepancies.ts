import type { EvidenceIndex } from "./evidence-index";
import { factsOf, type Fact } from "./facts";
import { quotationsIn } from "./quotations";
import { contentStems, sentencesOf } from "./text-analysis";

/** One source's wording of a fact on which the sources disagree. */
export interface FactWording {
  sourceId: string;
  outlet: string;
  fact: Fact;
  /** The sentence the fact is stated in. */
  sentence: string;
  /** Offset of the sentence in its source's text. */
  sentenceStart: number;
}

/** A fact that sources state with different values, each source's wording beside the others'. */
export interface SourceDiscrepancy {
  kind: Fact["kind"];
  /** Words the statements share, which say what the fact is about. */
  about: string[];
  wordings: FactWording[];
}

/** A value in a claim that its quotes state differently. */
export interface ClaimDiscrepancy {
  claimFact: Fact;
  quoteFacts: Array<{ quoteId: string; fact: Fact }>;
}

/**
 * How much two statements must share, as the IDF-weighted share of their content words, to be candidates
 * for the same thing (facts are then paired by mutual best match, so the figure is a floor: on the seed story
 * the findings are the same from 0.02 to 0.08). Numbers are compared within their sentence; times within their paragraph, because a time
 * ("last October") often sits in a sentence that names the event only by a pronoun or "the effort".
 */
export const SAME_TOPIC_SIMILARITY = 0.06;

interface Located {
  sourceId: string;
  outlet: string;
  fact: Fact;
  sentence: string;
  sentenceStart: number;
  context: Set<string>;
}

/**
 * Facts on which the sources of a story disagree: numbers (with the same unit), times and lists of named
 * things that different sources state about the same topic with different values. Each fact is paired with
 * the most similar fact of its kind in each other source, and facts that are each other's best match form a
 * group; a group is reported when its values differ and no value is shared by every source in it.
 */
export function sourceDiscrepancies(index: EvidenceIndex): SourceDiscrepancy[] {
  const paragraphs = paragraphStems(index);
  const facts: Located[] = [];
  for (const [at, entry] of index.sentences.entries()) {
    const paragraph = paragraphs[at] ?? new Set<string>();
    const sentenceStems = new Set(contentStems(entry.sentence.tokens));
    const speech = quotationsIn(entry.sentence.text).map((quotation) => ({
      start: entry.sentence.start + quotation.start,
      end: entry.sentence.start + quotation.end,
    }));
    for (const fact of factsOf(entry.sentence)) {
      // A time in quoted speech ("Today, the CIA released…") counts from when the speaker spoke, not the article.
      if (fact.kind === "time" && speech.some((range) => fact.start >= range.start && fact.end <= range.end)) continue;
      const own = new Set(
        contentStems(entry.sentence.tokens.filter((token) => token.start >= fact.start && token.end <= fact.end)),
      );
      const context = new Set([...(fact.kind === "time" ? paragraph : sentenceStems)].filter((stem) => !own.has(stem)));
      facts.push({
        sourceId: entry.sourceId,
        outlet: entry.outlet,
        fact,
        sentence: entry.sentence.text,
        sentenceStart: entry.sentence.start,
        context,
      });
    }
  }
  const weight = idfWeights(index);
  const vectors = topicVectors(
    facts.map((fact) => fact.context),
    weight,
  );
  // Each fact's most similar fact of its kind in every other source.
  const best = facts.map((fact, at) => {
    const bySource = new Map<string, { other: number; score: number }>();
    for (const [other, candidate] of facts.entries()) {
      if (candidate.sourceId === fact.sourceId || !comparable(fact.fact, candidate.fact)) continue;
      const topic = similarity(vectors[at], vectors[other]);
      const score = fact.fact.kind === "list" ? 1 + topic : topic;
      const known = bySource.get(candidate.sourceId);
      if (score >= SAME_TOPIC_SIMILARITY && (!known || score > known.score))
        bySource.set(candidate.sourceId, { other, score });
    }
    return bySource;
  });
  // Facts are grouped along mutual best matches, strongest first, and a group holds one fact per source, so
  // that a loose match cannot chain facts about different things together.
  const links: Array<{ at: number; other: number; score: number }> = [];
  for (const [at, fact] of facts.entries()) {
    for (const { other, score } of best[at]?.values() ?? []) {
      if (other > at && best[other]?.get(fact.sourceId)?.other === at) links.push({ at, other, score });
    }
  }
  const parent = facts.map((_, at) => at);
  const members = facts.map((fact) => new Set([fact.sourceId]));
  const root = (at: number): number => (parent[at] === at ? at : (parent[at] = root(parent[at] ?? at)));
  for (const { at, other } of links.sort((a, b) => b.score - a.score)) {
    const [a, b] = [root(at), root(other)];
    const [sourcesA, sourcesB] = [members[a] ?? new Set<string>(), members[b] ?? new Set<string>()];
    if (a === b || [...sourcesA].some((source) => sourcesB.has(source))) continue;
    parent[b] = a;
    members[a] = new Set([...sourcesA, ...sourcesB]);
  }
  const groups = new Map<number, Located[]>();
  for (const [at, fact] of facts.entries()) groups.set(root(at), [...(groups.get(root(at)) ?? []), fact]);
  const discrepancies: SourceDiscrepancy[] = [];
  for (const group of groups.values()) {
    const sources = new Set(group.map((fact) => fact.sourceId));
    if (sources.size < 2) continue;
    const values = new Set(group.map((fact) => fact.fact.value));
    if (values.size < 2) continue;
    const everywhere = [...values].some((value) =>
      [...sources].every((source) => group.some((fact) => fact.sourceId === source && fact.fact.value === value)),
    );
    if (everywhere) continue;
    const shared = [...(group[0]?.context ?? [])].filter((stem) => group.every((fact) => fact.context.has(stem)));
    discrepancies.push({
      kind: group[0]?.fact.kind ?? "number",
      about: shared.sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0)).slice(0, 5),
      wordings: group.map(({ sourceId, outlet, fact, sentence, sentenceStart }) => ({
        sourceId,
        outlet,
        fact,
        sentence,
        sentenceStart,
      })),
    });
  }
  return discrepancies;
}

/**
 * Values in a claim that its quotes state differently: a number (with the same unit when both name one), a
 * time or an overlapping list in the claim, for which the quotes give values of that kind but none equal.
 * @example claimDiscrepancies("It had 2 million views.", [{ id: "q1", text: "It had about 900,000 views." }])
 *   // [{ claimFact: { value: "2000000", … }, quoteFacts: [{ quoteId: "q1", fact: { value: "900000", … } }] }]
 */
export function claimDiscrepancies(
  claimText: string,
  quotes: ReadonlyArray<{ id: string; text: string }>,
): ClaimDiscrepancy[] {
  const quoteFacts = quotes.flatMap((quote) =>
    sentencesOf(quote.text).flatMap((sentence) => factsOf(sentence).map((fact) => ({ quoteId: quote.id, fact }))),
  );
  const found: ClaimDiscrepancy[] = [];
  for (const claimFact of sentencesOf(claimText).flatMap((sentence) => factsOf(sentence))) {
    const related = quoteFacts.filter(({ fact }) => comparable(claimFact, fact));
    if (related.length === 0 || related.some(({ fact }) => fact.value === claimFact.value)) continue;
    found.push({ claimFact, quoteFacts: related });
  }
  return found;
}

/** Facts that can be compared: the same kind, numbers with the same unit (or none), lists sharing an item. */
function comparable(a: Fact, b: Fact): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "number") return a.unit === null || b.unit === null || a.unit === b.unit;
  if (a.kind === "list") {
    const items = new Set(a.value.split("|"));
    return b.value.split("|").some((item) => items.has(item));
  }
  return true;
}

/**
 * The content stems of the paragraph of each indexed sentence. Sentences of a paragraph follow each other
 * with one space between them; a paragraph break is a longer gap.
 */
function paragraphStems(index: EvidenceIndex): Array<Set<string>> {
  const stems: Array<Set<string>> = [];
  let current = new Set<string>();
  for (const [at, entry] of index.sentences.entries()) {
    const previous = index.sentences[at - 1];
    if (!previous || previous.sourceId !== entry.sourceId || entry.sentence.start - previous.sentence.end !== 1)
      current = new Set();
    for (const stem of contentStems(entry.sentence.tokens)) current.add(stem);
    stems.push(current);
  }
  return stems;
}

/** Inverse document frequency of each stem over the indexed sentences: rare words say more about a topic. */
function idfWeights(index: EvidenceIndex): Map<string, number> {
  const total = index.sentences.length;
  return new Map([...index.postings].map(([stem, list]) => [stem, Math.log(1 + total / list.length)]));
}

/** A set of stems as sorted numeric ids with their IDF weights, and the sum of the weights. */
interface TopicVector {
  ids: Int32Array;
  weights: Float64Array;
  total: number;
}

/** The sets as topic vectors, stems numbered in one shared order so that vectors intersect by merging. */
function topicVectors(sets: ReadonlyArray<ReadonlySet<string>>, weight: ReadonlyMap<string, number>): TopicVector[] {
  const numbers = new Map<string, number>();
  return sets.map((stems) => {
    const ids = Int32Array.from(
      [...stems].map((stem) => numbers.get(stem) ?? numbers.set(stem, numbers.size).size - 1),
    ).sort();
    const byId = new Map([...stems].map((stem) => [numbers.get(stem), weight.get(stem) ?? 0]));
    const weights = Float64Array.from(ids, (id) => byId.get(id) ?? 0);
    return { ids, weights, total: weights.reduce((sum, value) => sum + value, 0) };
  });
}

/**
 * The IDF-weighted share of the two sets' stems that they have in common (weighted Jaccard). It runs for
 * every pair of facts, so it merges sorted ids instead of building a union.
 */
function similarity(a: TopicVector | undefined, b: TopicVector | undefined): number {
  if (!a || !b) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) shared += a.weights[i] as number;
    if (x <= y) i += 1;
    if (y <= x) j += 1;
  }
  const all = a.total + b.total - shared;
  return all <= 0 ? 0 : shared / all;
}
