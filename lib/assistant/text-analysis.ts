import winkNLP, { type Detail, type ItemEntity, type ItemSentence, type ItemToken, type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** A word, number or mark of a text, where it is, and what the assistant compares it by. */
export interface Token {
  value: string;
  start: number;
  end: number;
  /** Lower-case Porter2 stem, e.g. "recruiting" → "recruit". */
  stem: string;
  /** Lower-case dictionary form, e.g. "told" → "tell", "says" → "say". */
  lemma: string;
  /** Universal part of speech as wink-nlp tags it ("NOUN", "VERB", "PROPN"…); a guess, not a parse. */
  pos: string;
  kind: "word" | "number" | "punctuation" | "other";
  /** A function word ("the", "of", "has") that says nothing about the topic. */
  stopWord: boolean;
}

/** A named date or quantity wink-nlp recognised, e.g. "last October" (DATE) or "2.9 million" (CARDINAL). */
export interface TextEntity {
  type: string;
  value: string;
  start: number;
  end: number;
}

/** A sentence of a text with its offsets in that text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  tokens: Token[];
  entities: TextEntity[];
}

let nlp: WinkMethods | null = null;

/** wink-nlp with its English model, loaded on first use (the model is about 1 MB of JavaScript). */
function engine(): WinkMethods {
  nlp ??= winkNLP(model, ["sbd", "pos", "ner"]);
  return nlp;
}

const POSSESSIVE = /^(?:['’]s?)?$/;
/**
 * Reads a property of a wink-nlp item. wink-nlp's type declarations give `its.stem`, `its.span` and friends
 * signatures that do not fit `out()`, so this is the one place where its results are typed by hand.
 */
function read<T>(item: ItemToken | ItemEntity | ItemSentence, property: unknown): T {
  return (item.out as (property: unknown) => unknown)(property) as T;
}

const TOKEN_KINDS = new Set<Token["kind"]>(["word", "number", "punctuation"]);

/**
 * Splits a text into sentences with wink-nlp, which knows abbreviations ("U.S.", "C.I.A.", "Jan."), quoted
 * speech and dashes. Line breaks always end a sentence: a headline or a dateline is never glued to the next
 * paragraph. Offsets are in the text given.
 * @example sentencesOf("The U.S. said no. “We will,” he said.").map((s) => s.text)
 *   // ["The U.S. said no.", "“We will,” he said."]
 */
export function sentencesOf(text: string): Sentence[] {
  const its = engine().its;
  const sentences: Sentence[] = [];
  for (const line of linesOf(text)) {
    const doc = engine().readDoc(line.text);
    const tokens: Token[] = [];
    let at = 0;
    doc.tokens().each((token: ItemToken) => {
      const value = read<string>(token, its.value);
      const found = line.text.indexOf(value, at);
      const start = found === -1 ? at : found;
      at = start + value.length;
      const type = read<string>(token, its.type);
      tokens.push({
        value,
        start: line.start + start,
        end: line.start + at,
        stem: cachedStem(value, () => read<string>(token, its.stem)),
        lemma: read<string>(token, its.lemma).toLowerCase(),
        pos: read<string>(token, its.pos),
        kind: TOKEN_KINDS.has(type as Token["kind"]) ? (type as Token["kind"]) : "other",
        stopWord: read<boolean>(token, its.stopWordFlag),
      });
    });
    const entities: TextEntity[] = [];
    doc.entities().each((entity: ItemEntity) => {
      const { type, value } = read<Detail>(entity, its.detail);
      const [first = 0, last = first] = read<number[]>(entity, its.span);
      const start = tokens[first]?.start ?? line.start;
      entities.push({ type, value, start, end: tokens[last]?.end ?? start });
    });
    const ranges: Array<[number, number]> = [];
    doc.sentences().each((sentence: ItemSentence) => {
      const [from = 0, to = from] = read<number[]>(sentence, its.span);
      for (const range of splitAfterAbbreviations(tokens, from, to)) {
        const previous = ranges[ranges.length - 1];
        // The segmenter ends a sentence after "p.m." even when a time zone follows: "at 1:42 p.m. CT, according to…".
        if (previous && MERIDIEM.test(tokens[previous[1]]?.value ?? "") && ZONE.test(tokens[range[0]]?.value ?? ""))
          previous[1] = range[1];
        else ranges.push(range);
      }
    });
    {
      for (const [first, last] of ranges) {
        const start = tokens[first]?.start;
        const end = tokens[last]?.end;
        if (start === undefined || end === undefined) continue;
        sentences.push({
          text: text.slice(start, end),
          start,
          end,
          tokens: tokens.slice(first, last + 1),
          entities: entities.filter((entity) => entity.start >= start && entity.end <= end),
        });
      }
    }
  }
  return sentences;
}

const MERIDIEM = /^[ap]\.m\.$/i;
/** Time zones a report names after a time of day. */
const ZONE = /^(?:[ECMP][SD]?T|GMT|UTC|BST)$/;

/** An abbreviation made of single letters with dots: "U.S.", "C.I.A.", "D.C.". */
const LETTER_ABBREVIATION = /^(?:\p{L}\.){2,}$/u;
const CAPITALISED = /^\p{Lu}/u;
const VERB_TAGS = new Set(["VERB", "AUX"]);

/**
 * The token ranges of a wink-nlp sentence, cut after a letter abbreviation that ends a sentence, which the
 * segmenter keeps inside: "…share secrets with the U.S. Officials say the videos have proved successful."
 * A cut needs a capitalised word after the abbreviation that does not start a name of several capitalised
 * words ("the U.S. Central Intelligence Agency"), and a verb on both sides, so that neither part is a
 * fragment ("The U.S. Army said…" stays whole).
 */
function splitAfterAbbreviations(tokens: readonly Token[], first: number, last: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = first;
  const hasVerb = (a: number, b: number) => tokens.slice(a, b + 1).some((token) => VERB_TAGS.has(token.pos));
  for (let at = first; at < last; at += 1) {
    const next = tokens[at + 1];
    const after = tokens[at + 2];
    if (!LETTER_ABBREVIATION.test(tokens[at]?.value ?? "") || !next || !CAPITALISED.test(next.value)) continue;
    if (after && CAPITALISED.test(after.value)) continue;
    if (!hasVerb(from, at) || !hasVerb(at + 1, last)) continue;
    ranges.push([from, at]);
    from = at + 1;
  }
  ranges.push([from, last]);
  return ranges;
}

/** The stems that carry a text's topic: words and numbers, without stop words, in order. */
export function contentStems(tokens: readonly Token[]): string[] {
  return tokens.filter(isContent).map((token) => token.stem);
}

/** Whether a token carries topic: a word or a number that is not a stop word. */
export function isContent(token: Token): boolean {
  return (token.kind === "word" || token.kind === "number") && !token.stopWord && !POSSESSIVE.test(token.stem);
}

/** Stems by word as written: a text repeats its words, and Porter2 was most of the time spent indexing. */
const stemCache = new Map<string, string>();
/** Words kept in stemCache; it starts again when full, so a long session cannot grow it without bound. */
const STEM_CACHE_SIZE = 50_000;

/** The stem of a word as written (wink-nlp stems a token by its value alone, so the cache is exact). */
function cachedStem(value: string, stem: () => string): string {
  let cached = stemCache.get(value);
  if (cached === undefined) {
    if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
    cached = stemOf(stem());
    stemCache.set(value, cached);
  }
  return cached;
}

/** Lower case, and an acronym's dots dropped, so "C.I.A." and "CIA" are one term. */
function stemOf(stem: string): string {
  const lower = stem.toLowerCase();
  return /^(?:[a-z]\.){2,}$/.test(lower) ? lower.replaceAll(".", "") : lower;
}

/** The non-empty lines of a text with their offsets. */
function linesOf(text: string): Array<{ text: string; start: number }> {
  const lines: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (const part of text.split("\n")) {
    if (part.trim().length > 0) lines.push({ text: part, start });
    start += part.length + 1;
  }
  return lines;
}
