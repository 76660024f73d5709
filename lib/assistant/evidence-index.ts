import bm25Vectorizer from "wink-nlp/utilities/bm25-vectorizer";
import type { AssistantSource } from "./sources";
import { contentStems, isContent, sentencesOf, type Sentence, type Token } from "./text-analysis";
import { meanVector, type WordVectors } from "./word-vectors";

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
  /** Acronyms the sources write in capitals or with dots ("cia", "us", "ccp"), as stems. */
  acronyms: Set<string>;
  /** Vectors of the sources' common words, when word vectors were given: semantic matching. */
  semantic: SemanticTable | null;
}

/** The sources' common-word stems with unit vectors, and the neighbours found so far for claim words. */
interface SemanticTable {
  vectors: WordVectors;
  stems: string[];
  /** stems.length × dimensions, row by row. */
  matrix: Float32Array;
  /**
   * For each stem, the sentences that write it as a common word: only there may it match by meaning ("Agency"
   * in "Our Agency" and "States" in "United States" share stems with common words, but are names).
   */
  postings: Map<string, number[]>;
  /** A claim word's stem (and its forms) → the source stems close to it, with their cosines. */
  neighbours: Map<string, Array<{ stem: string; similarity: number }>>;
}

/** Stems that agree on this many first letters are kin words. */
const KIN_PREFIX = 6;
/** What a kin word is worth beside the word itself. */
const KIN_WEIGHT = 0.5;
/**
 * Pseudo-relevance feedback: the words that all of the FEEDBACK_SENTENCES best sentences of a first ranking
 * share join the query at FEEDBACK_WEIGHT. (On the seed story, weights from 0.2 to 0.5 rank the same.)
 */
const FEEDBACK_SENTENCES = 3;
const FEEDBACK_WEIGHT = 0.3;
/**
 * Semantic matching: a common word of the claim (not a name, not a number) also matches the sources' common
 * words whose vectors are at least SEMANTIC_SIMILARITY close (cosine), each worth SEMANTIC_WEIGHT × its cosine
 * of a match of the word itself, so that "reply" answers "respond" and "discontent" answers "dissatisfaction".
 */
const SEMANTIC_SIMILARITY = 0.6;
const SEMANTIC_WEIGHT = 0.5;
/** Claim stems whose neighbours are kept per index; the cache starts again when full. */
const NEIGHBOUR_CACHE_SIZE = 5_000;
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
  /** The sentence's words that match a claim word by meaning (as written in the source), with that claim word. */
  meaningMatches: Array<{ term: string; claimWord: string }>;
}

/**
 * Indexes every sentence of the sources with BM25 (k1 1.2, b 0.75: the usual values for short documents)
 * over stemmed content words, using wink-nlp's BM25 vectoriser. A spelled-out name whose initials are an
 * acronym the sources use ("Central Intelligence Agency", "CIA") also counts as that acronym.
 */
export function buildEvidenceIndex(
  sources: readonly AssistantSource[],
  { vectors = null }: { vectors?: WordVectors | null } = {},
): EvidenceIndex {
  const entries: Array<Omit<IndexedSentence, "weights">> = [];
  for (const source of sources) {
    for (const sentence of sentencesOf(source.text))
      entries.push({ sourceId: source.id, outlet: source.outlet, sentence });
  }
  if (entries.length === 0)
    return { sentences: [], postings: new Map(), kin: new Map(), acronyms: new Set(), semantic: null };
  const vectoriser = bm25Vectorizer({ k: 1, k1: 1.2, b: 0.75, norm: "none" });
  const acronyms = new Set(
    entries.flatMap((entry) =>
      entry.sentence.tokens.filter((token) => ACRONYM.test(token.value)).map((token) => token.stem),
    ),
  );
  const stems = entries.map((entry) => termsOf(entry.sentence.tokens, acronyms));
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
  return {
    sentences,
    postings,
    kin,
    acronyms,
    semantic: vectors
      ? semanticTable(
          vectors,
          entries.map((entry) => entry.sentence.tokens),
        )
      : null,
  };
}

const COMMON_WORD_TAGS = new Set(["NOUN", "VERB", "ADJ", "ADV"]);
const UPPER = /\p{Lu}/u;

/**
 * Whether a token is a common word that may match by meaning: a content word tagged noun, verb, adjective or
 * adverb, not capitalised (a sentence's first word may be). Names, numbers and demonyms match only as
 * written: "Russia" must never answer "China", nor "two" "three", though their vectors are close.
 */
function isCommonWord(token: Token, first: boolean): boolean {
  return (
    isContent(token) &&
    token.kind === "word" &&
    COMMON_WORD_TAGS.has(token.pos) &&
    (first ? !UPPER.test(token.value.slice(1)) : !UPPER.test(token.value))
  );
}

/**
 * The common words of token lists, by stem: each stem's forms in lower case, and the lists (by index, in order)
 * that write it as a common word.
 */
function commonWords(lists: ReadonlyArray<readonly Token[]>): Map<string, { forms: Set<string>; lists: number[] }> {
  const words = new Map<string, { forms: Set<string>; lists: number[] }>();
  lists.forEach((tokens, list) =>
    tokens.forEach((token, at) => {
      if (!isCommonWord(token, at === 0)) return;
      let word = words.get(token.stem);
      if (!word) words.set(token.stem, (word = { forms: new Set(), lists: [] }));
      word.forms.add(token.value.toLowerCase());
      if (word.lists.at(-1) !== list) word.lists.push(list);
    }),
  );
  return words;
}

function semanticTable(vectors: WordVectors, sentences: ReadonlyArray<readonly Token[]>): SemanticTable {
  const postings = new Map<string, number[]>();
  const stems: string[] = [];
  const rows: Float32Array[] = [];
  for (const [stem, { forms, lists }] of commonWords(sentences)) {
    postings.set(stem, lists);
    const vector = meanVector(vectors, forms);
    if (!vector) continue;
    stems.push(stem);
    rows.push(vector);
  }
  const matrix = new Float32Array(stems.length * vectors.dimensions);
  rows.forEach((row, at) => matrix.set(row, at * vectors.dimensions));
  return { vectors, stems, matrix, postings, neighbours: new Map() };
}

/** The token of a sentence that writes `stem` as a common word, if any. */
function commonWordOf(tokens: readonly Token[], stem: string): Token | undefined {
  return tokens.find((token, at) => token.stem === stem && isCommonWord(token, at === 0));
}

/** The sources' common-word stems close in meaning to a claim word (its stem and forms), kin words left out. */
function neighboursOf(
  table: SemanticTable,
  stem: string,
  forms: ReadonlySet<string>,
): Array<{ stem: string; similarity: number }> {
  const key = `${stem}\u0000${[...forms].sort().join(" ")}`;
  const cached = table.neighbours.get(key);
  if (cached) return cached;
  const found: Array<{ stem: string; similarity: number }> = [];
  const vector = meanVector(table.vectors, forms);
  if (vector) {
    const { dimensions } = table.vectors;
    const { matrix, stems } = table;
    // The hot loop of semantic matching (every source word, for each new claim word): plain indexes, no lookups.
    for (let row = 0, offset = 0; row < stems.length; row += 1, offset += dimensions) {
      let dot = 0;
      for (let at = 0; at < dimensions; at += 1) dot += (vector[at] as number) * (matrix[offset + at] as number);
      const other = stems[row] as string;
      if (dot >= SEMANTIC_SIMILARITY && other !== stem && !isKin(stem, other))
        found.push({ stem: other, similarity: dot });
    }
  }
  if (table.neighbours.size >= NEIGHBOUR_CACHE_SIZE) table.neighbours.clear();
  table.neighbours.set(key, found);
  return found;
}

function isKin(a: string, b: string): boolean {
  return a.length >= KIN_PREFIX && b.length >= KIN_PREFIX && a.slice(0, KIN_PREFIX) === b.slice(0, KIN_PREFIX);
}

/** A word written as an acronym: "CIA", "CCP", "U.S.", "C.I.A.". */
const ACRONYM = /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,6})$/u;
const CAPITALISED = /^\p{Lu}/u;

/** Short words allowed inside a name: "Ministry of Foreign Affairs". */
const NAME_CONNECTORS = new Set(["of", "the", "for", "and", "&"]);

/**
 * The terms of a text for BM25: its content stems, plus the acronym of every spelled-out name whose initials
 * spell an acronym the sources use, so that "Central Intelligence Agency" also counts as "CIA" and "United
 * States" as "U.S.".
 */
function termsOf(tokens: readonly Token[], acronyms: ReadonlySet<string>): string[] {
  return [...contentStems(tokens), ...spelledOutNames(tokens, acronyms).map((name) => name.acronym)];
}

/**
 * Runs of capitalised words whose initials spell one of the acronyms (short connectors inside a name are
 * skipped: "Ministry of Foreign Affairs"), with the acronym and the run's words as written.
 */
function spelledOutNames(
  tokens: readonly Token[],
  acronyms: ReadonlySet<string>,
): Array<{ acronym: string; words: string }> {
  const names: Array<{ acronym: string; words: string }> = [];
  if (acronyms.size === 0) return names;
  for (let first = 0; first < tokens.length; first += 1) {
    if (!isNameWord(tokens[first])) continue;
    let initials = "";
    for (let at = first; at < tokens.length && initials.length < 6; at += 1) {
      const token = tokens[at] as Token;
      if (isNameWord(token)) {
        initials += token.value.charAt(0).toLowerCase();
        if (initials.length >= 2 && acronyms.has(initials)) {
          names.push({
            acronym: initials,
            words: tokens
              .slice(first, at + 1)
              .map((word) => word.value)
              .join(" "),
          });
        }
      } else if (!NAME_CONNECTORS.has(token.value.toLowerCase())) break;
    }
  }
  return names;
}

function isNameWord(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    token.kind === "word" &&
    !token.stopWord &&
    CAPITALISED.test(token.value) &&
    !ACRONYM.test(token.value)
  );
}

/**
 * The k source sentences most relevant to a claim: the sum of the BM25 weights of the claim's terms in each
 * sentence (stems, kin words at half, acronyms of spelled-out names), the query expanded once with the
 * words the best sentences share (pseudo-relevance feedback), with the best sentence of each source first (evidence from several outlets is worth more than
 * a second sentence of one), then the rest by score. Sentences that share no content word with the claim are never suggested;
 * `exclude` leaves out passages already attached (by source and start offset).
 * @example suggestEvidence(index, "The CIA released two videos", { k: 3 })[0].matchedTerms // ["CIA", "released", "two", "videos"]
 */
export function suggestEvidence(
  index: EvidenceIndex,
  claimText: string,
  {
    k = 5,
    exclude = [],
  }: { k?: number; exclude?: ReadonlyArray<{ sourceId: string; start: number; end: number }> } = {},
): EvidenceSuggestion[] {
  return suggestionsOf(index, rankSentences(index, claimText), { k, exclude });
}

function suggestionsOf(
  index: EvidenceIndex,
  ranking: Ranking,
  { k, exclude }: { k: number; exclude: ReadonlyArray<{ sourceId: string; start: number; end: number }> },
): EvidenceSuggestion[] {
  const ranked = ranking.ranked.filter(({ entry }) => !overlapsAny(entry, exclude));
  // Corroboration comes from different outlets: each source's best sentence first, then the rest by score.
  const seen = new Set<string>();
  const floor = (ranked[0]?.score ?? 0) * DIVERSITY_FLOOR;
  const firsts = ranked.filter(
    ({ entry, score }) => score >= floor && !seen.has(entry.sourceId) && seen.add(entry.sourceId),
  );
  const rest = ranked.filter((item) => !firsts.includes(item));
  return [...firsts, ...rest].slice(0, k).map(({ entry, score }) => suggestionOf(index, entry, score, ranking));
}

/** A source's best passage for a claim, or why there is none to show. */
export interface SourcePassage {
  sourceId: string;
  outlet: string;
  /** The source's best sentence for the claim, or null when nothing in it is close ("nothing close"). */
  passage: EvidenceSuggestion | null;
  /** The passage overlaps a quote already attached to the claim. */
  attached: boolean;
}

/**
 * A source's best sentence is close to a claim when it scores at least this share of the best sentence of all
 * the sources and matches at least CLOSE_TERMS of the claim's words; otherwise the source says nothing close.
 * Chosen on the seed story alone (shares 0.1-0.4, 1-2 words: 0.3 and 1 gets the most of its 28 claim × source
 * rows right); `npm run eval` reports the panel's rows on both stories.
 */
export const CLOSE_SHARE = 0.3;
export const CLOSE_TERMS = 1;

/**
 * Each source's best passage for a claim, in the order of `sourceIds` (every source of the index when
 * omitted): a quote of that source already attached, else its highest sentence as suggestEvidence ranks them
 * among those with CLOSE_TERMS of the claim's words, or null when the source is not close (its best score on
 * the claim's own words under CLOSE_SHARE of the best source's), so that an editor sees which outlets say it
 * and which do not.
 * @example bestPassagePerSource(index, "The CIA released two videos").map((row) => row.passage?.outlet ?? "nothing close")
 */
export function bestPassagePerSource(
  index: EvidenceIndex,
  claimText: string,
  {
    attached = [],
    sourceIds,
  }: {
    attached?: ReadonlyArray<{ sourceId: string; start: number; end: number }>;
    sourceIds?: readonly string[];
  } = {},
): SourcePassage[] {
  return passagesOf(index, rankSentences(index, claimText), { attached, sourceIds });
}

/**
 * suggestEvidence and bestPassagePerSource of one claim from one ranking, as the assistant shows both.
 */
export function claimEvidence(
  index: EvidenceIndex,
  claimText: string,
  {
    k = 5,
    attached = [],
    sourceIds,
  }: {
    k?: number;
    attached?: ReadonlyArray<{ sourceId: string; start: number; end: number }>;
    sourceIds?: readonly string[];
  } = {},
): { suggestions: EvidenceSuggestion[]; perSource: SourcePassage[] } {
  const ranking = rankSentences(index, claimText);
  return {
    suggestions: suggestionsOf(index, ranking, { k, exclude: attached }),
    perSource: passagesOf(index, ranking, { attached, sourceIds }),
  };
}

function passagesOf(
  index: EvidenceIndex,
  ranking: Ranking,
  {
    attached,
    sourceIds,
  }: { attached: ReadonlyArray<{ sourceId: string; start: number; end: number }>; sourceIds?: readonly string[] },
): SourcePassage[] {
  const { ranked } = ranking;
  const literal = ranking.literal();
  const outlets = new Map(index.sentences.map((entry) => [entry.sourceId, entry.outlet]));
  const order = sourceIds ?? [...outlets.keys()];
  return order.map((sourceId) => {
    // A quote already attached from this source is its best passage for the claim; otherwise its best sentence
    // with CLOSE_TERMS of the claim's own words, so that a sentence close only by meaning ranked above it does
    // not hide a source that says the claim in its words.
    const held = ranked.find(({ entry }) => entry.sourceId === sourceId && overlapsAny(entry, attached));
    const best =
      held ??
      ranked.find(
        ({ entry }) =>
          entry.sourceId === sourceId && matchedTermsOf(index, entry, ranking.queryStems).length >= CLOSE_TERMS,
      );
    const passage = best ? suggestionOf(index, best.entry, best.score, ranking) : null;
    // Whether the source addresses the claim is judged on the claim's own words: a source whose sentences
    // come close only by meaning shows "nothing close" (the thresholds were chosen for BM25).
    const close =
      passage !== null &&
      (held !== undefined ||
        ((literal.bySource.get(sourceId) ?? 0) > 0 &&
          (literal.bySource.get(sourceId) ?? 0) >= literal.top * CLOSE_SHARE));
    return {
      sourceId,
      outlet: outlets.get(sourceId) ?? passage?.outlet ?? sourceId,
      passage: close ? passage : null,
      attached: held !== undefined,
    };
  });
}

function overlapsAny(
  entry: IndexedSentence,
  ranges: ReadonlyArray<{ sourceId: string; start: number; end: number }>,
): boolean {
  return ranges.some(
    (range) =>
      range.sourceId === entry.sourceId && range.start < entry.sentence.end && entry.sentence.start < range.end,
  );
}

/** The claim's terms and the sentences that share one, best first. */
interface Ranking {
  queryStems: Set<string>;
  /** The claim's terms with their weights (before feedback). */
  query: Map<string, number>;
  /** The claim's common words with the sources' words close to them in meaning. */
  similar: SimilarWords[];
  /** Each source's best score on the claim's own words alone (BM25 with feedback), and the best of all. */
  literal: () => { bySource: Map<string, number>; top: number };
  ranked: Array<{ entry: IndexedSentence; score: number }>;
}

/** The sentences that share a term with the claim, best first, after one round of feedback. */
function rankSentences(index: EvidenceIndex, claimText: string): Ranking {
  const claim = sentencesOf(claimText);
  const queryStems = new Set(claim.flatMap((sentence) => termsOf(sentence.tokens, index.acronyms)));
  const query = new Map([...queryStems].map((stem) => [stem, 1]));
  const similar = index.semantic ? similarWords(index.semantic, claim) : [];
  const literalFirst = scoreSentences(index, query);
  const literalScores = () => scoreSentences(index, expandQuery(index, query, literalFirst));
  // Matches by meaning depend on the claim's words alone, not on the feedback's: counted once, added to both passes.
  const meaning = semanticScores(index, query, similar);
  const withMeaning = (scores: Map<number, number>) => {
    for (const [at, value] of meaning) scores.set(at, (scores.get(at) ?? 0) + value);
    return scores;
  };
  const scores =
    similar.length === 0
      ? literalScores()
      : withMeaning(scoreSentences(index, expandQuery(index, query, withMeaning(new Map(literalFirst)))));
  const ranked = [...scores]
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([at, score]) => ({ entry: index.sentences[at] as IndexedSentence, score }));
  // Computed only for the per-source rows, and only once.
  let literal: { bySource: Map<string, number>; top: number } | null = null;
  const literalBest = () => {
    if (literal) return literal;
    literal = { bySource: new Map<string, number>(), top: 0 };
    for (const [at, score] of similar.length === 0 ? scores : literalScores()) {
      const sourceId = (index.sentences[at] as IndexedSentence).sourceId;
      if (score > (literal.bySource.get(sourceId) ?? 0)) literal.bySource.set(sourceId, score);
      literal.top = Math.max(literal.top, score);
    }
    return literal;
  };
  return { queryStems, query, similar, literal: literalBest, ranked };
}

function suggestionOf(
  index: EvidenceIndex,
  entry: IndexedSentence,
  score: number,
  ranking: Ranking,
): EvidenceSuggestion {
  return {
    sourceId: entry.sourceId,
    outlet: entry.outlet,
    start: entry.sentence.start,
    end: entry.sentence.end,
    text: entry.sentence.text,
    score,
    matchedTerms: matchedTermsOf(index, entry, ranking.queryStems),
    meaningMatches: meaningMatchesOf(entry, ranking),
  };
}

/**
 * The words that matched by meaning in a sentence, as semanticScores counts them: for each claim word the
 * sentence lacks, its closest word there.
 */
function meaningMatchesOf(
  entry: IndexedSentence,
  { query, similar }: Ranking,
): Array<{ term: string; claimWord: string }> {
  const matches: Array<{ term: string; claimWord: string }> = [];
  for (const { stem, claimWord, neighbours } of similar) {
    const exact = (query.get(stem) ?? 0) * (entry.weights.get(stem) ?? 0);
    let best: { term: Token; value: number } | null = null;
    for (const neighbour of neighbours) {
      const value = SEMANTIC_WEIGHT * neighbour.similarity * (entry.weights.get(neighbour.stem) ?? 0);
      if (value <= exact || value <= (best?.value ?? 0)) continue;
      const term = commonWordOf(entry.sentence.tokens, neighbour.stem);
      if (term) best = { term, value };
    }
    if (best) matches.push({ term: best.term.value, claimWord });
  }
  return matches;
}

/** The sentence's words (and spelled-out names) whose terms are among `stems`, as written, once each. */
function matchedTermsOf(index: EvidenceIndex, entry: IndexedSentence, stems: ReadonlySet<string>): string[] {
  return [
    ...new Set([
      ...entry.sentence.tokens.filter((token) => isContent(token) && stems.has(token.stem)).map((token) => token.value),
      ...spelledOutNames(entry.sentence.tokens, index.acronyms)
        .filter((name) => stems.has(name.acronym))
        .map((name) => name.words),
    ]),
  ];
}

/** A claim's common word and the sources' words close to it in meaning. */
interface SimilarWords {
  stem: string;
  /** The claim's word as written (its first form). */
  claimWord: string;
  neighbours: Array<{ stem: string; similarity: number }>;
}

function similarWords(table: SemanticTable, claim: readonly Sentence[]): SimilarWords[] {
  return [...commonWords(claim.map((sentence) => sentence.tokens))]
    .map(([stem, { forms }]) => ({
      stem,
      claimWord: [...forms][0] ?? stem,
      neighbours: neighboursOf(table, stem, forms),
    }))
    .filter(({ neighbours }) => neighbours.length > 0);
}

/** Each sentence's score for a weighted query: the sum of the BM25 weights of its terms, kin words at half. */
function scoreSentences(index: EvidenceIndex, query: ReadonlyMap<string, number>): Map<number, number> {
  const scores = new Map<number, number>();
  const add = (at: number, weight: number) => scores.set(at, (scores.get(at) ?? 0) + weight);
  for (const [stem, boost] of query) {
    for (const at of index.postings.get(stem) ?? []) add(at, boost * (index.sentences[at]?.weights.get(stem) ?? 0));
    // Kin words the stemmer keeps apart ("Russia"/"Russian", "dissatisfaction"/"dissatisfied") count half.
    if (stem.length < KIN_PREFIX) continue;
    for (const kin of index.kin.get(stem.slice(0, KIN_PREFIX)) ?? []) {
      if (kin === stem || query.has(kin)) continue;
      for (const at of index.postings.get(kin) ?? [])
        add(at, boost * KIN_WEIGHT * (index.sentences[at]?.weights.get(kin) ?? 0));
    }
  }
  return scores;
}

/**
 * What matching by meaning adds to each sentence's score: a claim word the sentence lacks counts as its
 * closest word in meaning there (SEMANTIC_WEIGHT × cosine × that word's BM25 weight), once: a word matched by
 * meaning never adds more than one match, nor more than a match of the word itself.
 */
function semanticScores(
  index: EvidenceIndex,
  query: ReadonlyMap<string, number>,
  similar: readonly SimilarWords[],
): Map<number, number> {
  const scores = new Map<number, number>();
  if (similar.length === 0 || !index.semantic) return scores;
  const { postings } = index.semantic;
  // Each claim word's best match by meaning per sentence, in one array reused word after word (a Map per word
  // cost most of the time of matching by meaning).
  const best = new Float64Array(index.sentences.length);
  const touched: number[] = [];
  for (const { stem, neighbours } of similar) {
    for (const neighbour of neighbours)
      for (const at of postings.get(neighbour.stem) ?? []) {
        const value = SEMANTIC_WEIGHT * neighbour.similarity * (index.sentences[at]?.weights.get(neighbour.stem) ?? 0);
        if (best[at] === 0) touched.push(at);
        if (value > (best[at] as number)) best[at] = value;
      }
    const boost = query.get(stem) ?? 0;
    for (const at of touched) {
      const value = best[at] as number;
      best[at] = 0;
      const exact = boost * (index.sentences[at]?.weights.get(stem) ?? 0);
      if (value > exact) scores.set(at, (scores.get(at) ?? 0) + value - exact);
    }
    touched.length = 0;
  }
  return scores;
}

/**
 * Pseudo-relevance feedback (Rocchio's idea, as in RM3): the words that every one of the best sentences of a
 * first ranking has join the query at a lower weight, so that a passage that says the same thing with fewer
 * of the claim's words, but with the words the best passages share, ranks higher.
 */
function expandQuery(
  index: EvidenceIndex,
  query: ReadonlyMap<string, number>,
  scores: ReadonlyMap<number, number>,
): Map<string, number> {
  const best = bestOf(scores, FEEDBACK_SENTENCES);
  if (best.length < FEEDBACK_SENTENCES) return new Map(query);
  const counts = new Map<string, number>();
  for (const [at] of best)
    for (const stem of index.sentences[at]?.weights.keys() ?? []) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  const expanded = new Map(query);
  for (const [stem, count] of counts)
    if (count === best.length && !query.has(stem)) expanded.set(stem, FEEDBACK_WEIGHT);
  return expanded;
}

/**
 * The `count` best entries of a score map, best first, ties to the lower index: what sorting the whole map
 * would give, in one pass (with matches by meaning nearly every sentence has a score, and sorting them all for
 * three was most of a ranking's time).
 */
function bestOf(scores: ReadonlyMap<number, number>, count: number): Array<[number, number]> {
  const best: Array<[number, number]> = [];
  for (const [at, score] of scores) {
    let place = best.length;
    while (place > 0) {
      const [otherAt, other] = best[place - 1] as [number, number];
      if (other > score || (other === score && otherAt < at)) break;
      place -= 1;
    }
    if (place >= count) continue;
    best.splice(place, 0, [at, score]);
    if (best.length > count) best.pop();
  }
  return best;
}
