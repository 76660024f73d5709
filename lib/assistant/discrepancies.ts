import { articleTime, dayText, offsetOf, type ArticleTime } from "./article-time";
import type { EvidenceIndex } from "./evidence-index";
import { factsOf, itemsPattern, mentionsOf, sameItem, sharesItem, type Fact, type FactContext } from "./facts";
import { quotationsIn } from "./quotations";
import type { AssistantSource } from "./sources";
import { contentStems, sentencesOf } from "./text-analysis";

/** How much a discrepancy matters: "high" changes the story, "low" is worth a look. */
export type DiscrepancySeverity = "high" | "medium" | "low";

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
  severity: DiscrepancySeverity;
  /** Words the statements share, which say what the fact is about. */
  about: string[];
  wordings: FactWording[];
  /** The pairs of wordings that cannot both be right, as indexes into `wordings`. */
  conflicts: Array<[number, number]>;
  /** How relative dates and zoned times were read, when they were: "“last October” in Gulf Coast Wire of 12 May 2025 is October 2024". */
  readings: string[];
}

/** A value in a claim that its quotes state differently. */
export interface ClaimDiscrepancy {
  claimFact: Fact;
  quoteFacts: Array<{ quoteId: string; fact: Fact }>;
  severity: DiscrepancySeverity;
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
  time: ArticleTime | null;
}

/**
 * The time context of each source: its own date when it states one, else the story's (the middle date of
 * the sources that state one), and the story's local UTC offset (the most common offset their timestamps
 * state; none from timestamps in UTC, and then a time of day without a zone is compared only with another).
 */
export function storyTimes(sources: readonly AssistantSource[]): Map<string, FactContext> {
  const dated = sources
    .map((source) => articleTime(source.publishedAt, "article"))
    .filter((time): time is ArticleTime => time !== null)
    .sort((a, b) => a.day - b.day);
  const middle = dated[Math.floor((dated.length - 1) / 2)];
  const assumed = middle ? { ...middle, basis: "assumed" as const } : null;
  const offsets = new Map<number, number>();
  for (const source of sources) {
    // An instant in UTC ("…Z", as the database gives it) says nothing of where the story happened.
    const offset = /[+-]\d{2}:?\d{2}$/.test(source.publishedAt ?? "") ? offsetOf(source.publishedAt) : null;
    if (offset !== null) offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
  }
  const localOffset = [...offsets].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return new Map(
    sources.map((source) => [source.id, { time: articleTime(source.publishedAt, "article") ?? assumed, localOffset }]),
  );
}

/**
 * Facts on which the sources of a story disagree, and only those: a fact is compared only with the same
 * fact in another source (a count of the same thing with the same thing happening to it, a time of day with
 * a time of day, a date with a date, a list with a list or with one of its items named alone), hedged values
 * are ranges ("about", "at least", "more than"), times of day are compared in UTC when their zone is known,
 * relative dates are resolved against each article's date. Each fact is paired with the most similar
 * comparable fact in each other source, facts that are each other's best match form a group, and a group is
 * reported when two of its values cannot both be right, with a severity.
 */
export function sourceDiscrepancies(
  index: EvidenceIndex,
  sources: readonly AssistantSource[] = [],
): SourceDiscrepancy[] {
  const paragraphs = paragraphStems(index);
  const times = storyTimes(sources);
  const facts: Located[] = [];
  const sentenceFacts: Array<{ at: number; facts: Fact[] }> = [];
  for (const [at, entry] of index.sentences.entries()) {
    const speech = quotationsIn(entry.sentence.text).map((quotation) => ({
      start: entry.sentence.start + quotation.start,
      end: entry.sentence.start + quotation.end,
    }));
    const context = times.get(entry.sourceId) ?? { time: null, localOffset: null };
    // A time in quoted speech ("Today, the CIA released…") counts from when the speaker spoke, not the article,
    // and a list in it ("urgency, creativity, and grit") is the speaker's words, which the quotation checker compares.
    const found = factsOf(entry.sentence, context).filter(
      (fact) => fact.kind === "number" || !speech.some((range) => fact.start >= range.start && fact.end <= range.end),
    );
    sentenceFacts.push({ at, facts: found });
  }
  // Items of every source's lists, looked for alone in the other sources.
  const listed = new Map<string, string[]>();
  for (const { at, facts: found } of sentenceFacts) {
    const sourceId = index.sentences[at]?.sourceId ?? "";
    for (const fact of found)
      if (fact.scale === "list") listed.set(sourceId, [...(listed.get(sourceId) ?? []), ...fact.items]);
  }
  const patterns = new Map<string, RegExp | null>();
  const patternFor = (sourceId: string) => {
    if (!patterns.has(sourceId)) {
      const own = listed.get(sourceId) ?? [];
      const others = [...new Set([...listed].filter(([id]) => id !== sourceId).flatMap(([, items]) => items))];
      patterns.set(sourceId, itemsPattern(others.filter((item) => !own.some((mine) => sameItem(mine, item)))));
    }
    return patterns.get(sourceId) ?? null;
  };
  for (const { at, facts: found } of sentenceFacts) {
    const entry = index.sentences[at];
    if (!entry) continue;
    found.push(...mentionsOf(entry.sentence, patternFor(entry.sourceId)));
    const paragraph = paragraphs[at] ?? new Set<string>();
    const sentenceStems = new Set(contentStems(entry.sentence.tokens));
    for (const fact of found) {
      const ownStems = new Set(
        contentStems(entry.sentence.tokens.filter((token) => token.start >= fact.start && token.end <= fact.end)),
      );
      const context = new Set(
        [...(fact.kind === "time" ? paragraph : sentenceStems)].filter((stem) => !ownStems.has(stem)),
      );
      facts.push({
        sourceId: entry.sourceId,
        outlet: entry.outlet,
        fact,
        sentence: entry.sentence.text,
        sentenceStart: entry.sentence.start,
        context,
        time: times.get(entry.sourceId)?.time ?? null,
      });
    }
  }
  const weight = idfWeights(index);
  const vectors = topicVectors(
    facts.map((fact) => fact.context),
    weight,
  );
  // Each fact's most similar comparable fact in every other source.
  // Only facts of one kind can be the same fact: each is compared with its kind's bucket.
  const buckets = new Map<string, number[]>();
  for (const [at, { fact }] of facts.entries()) {
    const bucket = bucketOf(fact);
    const list = buckets.get(bucket);
    if (list) list.push(at);
    else buckets.set(bucket, [at]);
  }
  const best = facts.map((fact, at) => {
    const bySource = new Map<string, { other: number; score: number }>();
    const candidates =
      fact.fact.scale === "list"
        ? [...(buckets.get("list") ?? []), ...(buckets.get("mention") ?? [])]
        : fact.fact.scale === "mention"
          ? (buckets.get("list") ?? [])
          : (buckets.get(bucketOf(fact.fact)) ?? []);
    for (const other of candidates) {
      const candidate = facts[other] as Located;
      if (candidate.sourceId === fact.sourceId || !comparable(fact.fact, candidate.fact)) continue;
      const topic = similarity(vectors[at], vectors[other]);
      // One item named alone is the same list only in a sentence on the same topic.
      if ((fact.fact.scale === "mention" || candidate.fact.scale === "mention") && topic < SAME_TOPIC_SIMILARITY)
        continue;
      const score = pairScore(fact.fact, candidate.fact, topic);
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
    if (new Set(group.map((fact) => fact.sourceId)).size < 2) continue;
    const conflicts: Array<[number, number]> = [];
    let severity: DiscrepancySeverity | null = null;
    for (const [i, a] of group.entries())
      for (const [j, b] of group.entries()) {
        if (j <= i || a.sourceId === b.sourceId || !comparable(a.fact, b.fact)) continue;
        const found = conflictOf(a, b);
        if (!found) continue;
        conflicts.push([i, j]);
        severity = higher(severity, found);
      }
    if (!severity) continue;
    const shared = [...(group[0]?.context ?? [])].filter((stem) => group.every((fact) => fact.context.has(stem)));
    discrepancies.push({
      kind: group[0]?.fact.kind ?? "number",
      severity,
      about: shared.sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0)).slice(0, 5),
      wordings: group.map(({ sourceId, outlet, fact, sentence, sentenceStart }) => ({
        sourceId,
        outlet,
        fact,
        sentence,
        sentenceStart,
      })),
      conflicts,
      readings: group.flatMap(readingOf),
    });
  }
  return discrepancies;
}

/**
 * Values in a claim that its quotes state differently: a count, a time of day, a date or a list in the claim
 * for which the quotes state the same fact (as sourceDiscrepancies compares them) but none agrees with it.
 * `times` gives each quote's time context (its source's), for its relative dates.
 * @example claimDiscrepancies("It had 2 million views.", [{ id: "q1", text: "It had about 900,000 views." }])
 *   // [{ claimFact: { value: "2000000", … }, quoteFacts: [{ quoteId: "q1", fact: { value: "900000", … } }], severity: "high" }]
 */
export function claimDiscrepancies(
  claimText: string,
  quotes: ReadonlyArray<{ id: string; text: string; context?: FactContext }>,
): ClaimDiscrepancy[] {
  const quoteFacts = quotes.flatMap((quote) =>
    sentencesOf(quote.text).flatMap((sentence) =>
      factsOf(sentence, quote.context).map((fact) => ({ quoteId: quote.id, fact })),
    ),
  );
  const found: ClaimDiscrepancy[] = [];
  for (const claimFact of sentencesOf(claimText).flatMap((sentence) => factsOf(sentence))) {
    const related = quoteFacts.filter(({ fact }) => comparable(claimFact, fact));
    if (related.length === 0) continue;
    const severities = related.map(({ fact }) => conflictOf({ fact: claimFact }, { fact }));
    if (severities.some((severity) => severity === null)) continue;
    found.push({
      claimFact,
      quoteFacts: related,
      severity: severities.reduce<DiscrepancySeverity | null>((worst, next) => higher(worst, next), null) ?? "medium",
    });
  }
  return found;
}

const SEVERITY_ORDER: DiscrepancySeverity[] = ["low", "medium", "high"];
function higher(a: DiscrepancySeverity | null, b: DiscrepancySeverity | null): DiscrepancySeverity | null {
  if (!a) return b;
  if (!b) return a;
  return SEVERITY_ORDER.indexOf(a) >= SEVERITY_ORDER.indexOf(b) ? a : b;
}

/** Units of measure: a count of these is compared only when its clause says the same of it. */
const MEASURE_UNITS = new Set(
  "mile kilometre kilometer km foot feet metre meter yard inch hour minute second day week month year percent degree acre ton tonne pound dollar euro time".split(
    " ",
  ),
);

/**
 * Facts that may be the same fact share a bucket: counts of people, of one thing, times of day, dates,
 * lists; an item named alone is compared with lists only.
 */
function bucketOf(fact: Fact): string {
  if (fact.scale === "count") return fact.person ? "people" : `count:${fact.unit ?? ""}`;
  return fact.scale;
}

/** Whether two facts state the same fact, so that different values would contradict each other. */
function comparable(a: Fact, b: Fact): boolean {
  if (a.kind !== b.kind) return false;
  if (a.scale === "count" && b.scale === "count") {
    const shareWhat = a.predicates.some((word) => b.predicates.includes(word));
    if (a.person || b.person) return a.person && b.person && shareWhat;
    if (!a.unit || a.unit !== b.unit) return false;
    return !MEASURE_UNITS.has(a.unit) || shareWhat;
  }
  if (a.scale === "clock" && b.scale === "clock") return (a.resolvedBy === null) === (b.resolvedBy === null);
  if (a.scale === "date" && b.scale === "date") return a.future === b.future;
  if (a.scale === "list" && b.scale === "list") return sharesItem(a.items, b.items);
  const [list, mention] = a.scale === "list" ? [a, b] : [b, a];
  if (list.scale !== "list" || mention.scale !== "mention") return false;
  // The words around them first: the cheaper test, and the one most pairs fail.
  return (
    mention.neighbours.filter((stem) => list.neighbours.includes(stem)).length >= MENTION_NEIGHBOURS &&
    list.items.some((item) => sameItem(item, mention.value))
  );
}

/**
 * Content words that one item named alone must share with the words around a list to be the same list:
 * "published text-only videos in Mandarin, Farsi and Korean" and "published text-only Mandarin instructions"
 * share two; one shared word is too weak in a story about one subject ("spy for Beijing and Moscow" and
 * "Beijing had broken up CIA spying operations" share "spy").
 */
const MENTION_NEIGHBOURS = 2;

/** How well two comparable facts match as one fact: their topic, and for a list the words around it. */
function pairScore(a: Fact, b: Fact, topic: number): number {
  if (a.scale === "list" && b.scale === "list") return 1 + topic;
  if (a.scale === "mention" || b.scale === "mention") {
    const [list, mention] = a.scale === "mention" ? [b, a] : [a, b];
    const shared = mention.neighbours.filter((stem) => list.neighbours.includes(stem)).length;
    return 0.5 + topic + 0.1 * shared;
  }
  return topic;
}

/** Words before a list that say it names only some of the things: "including X and Y", "platforms like X". */
const OPEN_LIST = /(?:including|includes|include|like|such as|among them|among others)\s*(?:on\s+)?$/i;

/** Whether two statements of one fact cannot both be right, and how much that matters; null when they can. */
function conflictOf(
  a: { fact: Fact; sentence?: string; sentenceStart?: number },
  b: { fact: Fact; sentence?: string; sentenceStart?: number },
): DiscrepancySeverity | null {
  const [x, y] = [a.fact, b.fact];
  if (x.range && y.range) {
    const gap = Math.max(x.range.low - y.range.high, y.range.low - x.range.high);
    if (gap <= 0) return null;
    if (x.scale === "clock") return gap >= 30 ? "high" : "medium";
    if (x.scale === "date") {
      const assumed = x.resolvedBy === "assumed" || y.resolvedBy === "assumed";
      return gap >= 45 && !assumed ? "high" : "medium";
    }
    const smaller = Math.max(1, Math.min(Math.abs(x.range.high), Math.abs(y.range.high)));
    return gap / smaller >= 0.2 || x.predicates.includes("death") ? "high" : "medium";
  }
  if (x.kind !== "list") return null;
  const missing = (from: Fact, to: Fact) =>
    from.items.filter((item) => !to.items.some((other) => sameItem(item, other)));
  if (missing(x, y).length === 0 && missing(y, x).length === 0) return null;
  const open = [a, b].some(
    (side) =>
      side.sentence !== undefined &&
      side.fact.scale === "list" &&
      OPEN_LIST.test(side.sentence.slice(0, side.fact.start - (side.sentenceStart ?? 0))),
  );
  return open ? "low" : "medium";
}

/** How a wording's relative date or zoned time was read, for the flag's detail. */
function readingOf(located: Located): string[] {
  const { fact, outlet, time } = located;
  if (fact.scale === "date" && fact.resolvedBy !== "stated" && time)
    return [
      `“${fact.wording}” in ${outlet} ${fact.resolvedBy === "assumed" ? `(no date of its own; read as of ${dayText(time.day)})` : `of ${dayText(time.day)}`} is ${fact.value}`,
    ];
  if (fact.scale === "clock" && fact.resolvedBy !== null) return [`“${fact.wording}” in ${outlet} is ${fact.value}`];
  return [];
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
