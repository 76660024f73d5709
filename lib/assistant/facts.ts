import type { Sentence, Token } from "./text-analysis";
import { isContent } from "./text-analysis";

/** A checkable value stated in a sentence: a number with its unit, a time, or a list of named things. */
export interface Fact {
  kind: "number" | "time" | "list";
  /** The words as written, e.g. "about 900,000", "last October", "X and Telegram". */
  wording: string;
  start: number;
  end: number;
  /**
   * What is compared: a number's value ("900000"), a time's words in lower case without a leading
   * preposition ("last october"), a list's items in lower case, sorted and joined with "|".
   */
  value: string;
  /** For a number, the stem of the word it counts ("view", "time", "peopl"), when one follows. */
  unit: string | null;
  /** For a list, its items as written. */
  items: string[];
}

const NUMBER_ENTITIES = new Set(["CARDINAL", "MONEY", "PERCENT", "QUANTITY"]);
const TIME_ENTITIES = new Set(["DATE", "TIME", "DURATION"]);
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
};
const APPROXIMATORS = /^(?:about|around|roughly|nearly|almost|some|over|more than|at least|up to|approximately)\s+/i;
/** Spans of time too vague to contradict anything: "years", "several years", "the past few months". */
const VAGUE_TIME = /^(?:(?:the )?(?:past |last )?(?:several|a few|few|many|recent) )?(?:years|months|weeks|days)$/;
const LEADING_PREPOSITION = /^(?:on|in|at|since|by|from|during|the)\s+/i;
/** A named item: capitalised words ("North Korea", "X"), allowing "of"/"the" inside a name. */
const NAME = String.raw`\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}\p{N}'’.-]*)*`;
const LIST = new RegExp(String.raw`(?<![\p{L}])(${NAME})((?:,\s+${NAME})*),?\s+(?:and|or)\s+(${NAME})`, "gu");

/**
 * The numbers, times and lists of named things a sentence states. Numbers and times come from wink-nlp's
 * entity recogniser ("2.9 million", "last October", "six months ago", "Thursday"); lists are two or more
 * capitalised names joined by commas and "and"/"or" ("YouTube, Facebook, Telegram, Instagram, and X").
 * @example factsOf(sentencesOf("It had about 900,000 views last year.")[0]).map((f) => f.value) // ["900000", "last year"]
 */
export function factsOf(sentence: Sentence): Fact[] {
  const facts: Fact[] = [];
  for (const entity of sentence.entities) {
    if (NUMBER_ENTITIES.has(entity.type)) {
      const value = numberValue(entity.value);
      // "one of the videos" counts nothing worth checking.
      if (value === null || (value === 1 && !/\d/.test(entity.value))) continue;
      facts.push({
        kind: "number",
        wording: entity.value,
        start: entity.start,
        end: entity.end,
        value: String(value),
        unit: unitAfter(sentence.tokens, entity.end),
        items: [],
      });
    } else if (TIME_ENTITIES.has(entity.type)) {
      const value = entity.value.toLowerCase().replace(LEADING_PREPOSITION, "").trim();
      if (VAGUE_TIME.test(value)) continue;
      facts.push({
        kind: "time",
        wording: entity.value,
        start: entity.start,
        end: entity.end,
        value,
        unit: null,
        items: [],
      });
    }
  }
  for (const match of sentence.text.matchAll(LIST)) {
    const items = [match[1] ?? "", ...(match[2] ?? "").split(/,\s+/).filter(Boolean), match[3] ?? ""].map(
      withoutFullStop,
    );
    const wording = match[0].endsWith(".") && !match[0].slice(0, -1).includes(".") ? match[0].slice(0, -1) : match[0];
    const start = sentence.start + (match.index ?? 0);
    facts.push({
      kind: "list",
      wording,
      start,
      end: start + wording.length,
      value: [...new Set(items.map((item) => item.toLowerCase()))].sort().join("|"),
      unit: null,
      items,
    });
  }
  return facts;
}

/** The numeric value of a number's words: "about 900,000" → 900000, "2.9 million" → 2900000, "two" → 2. */
export function numberValue(words: string): number | null {
  let value: number | null = null;
  for (const word of words
    .toLowerCase()
    .replace(APPROXIMATORS, "")
    .split(/[\s-]+/)) {
    const digits = word.replace(/[,$%]/g, "");
    if (/^\d+(?:\.\d+)?$/.test(digits)) value = (value ?? 0) + Number(digits);
    else if (word in SCALES) value = (value ?? 1) * (SCALES[word] ?? 1);
    else if (word in WORD_NUMBERS) value = (value ?? 0) + (WORD_NUMBERS[word] ?? 0);
  }
  return value;
}

/** An item without the sentence's full stop ("Telegram." → "Telegram"), keeping abbreviations ("U.S."). */
function withoutFullStop(item: string): string {
  const trimmed = item.trim();
  return trimmed.endsWith(".") && trimmed.indexOf(".") === trimmed.length - 1 ? trimmed.slice(0, -1) : trimmed;
}

/** The stem of the first content word after a number ("900,000 views" → "view"), if it comes right after. */
function unitAfter(tokens: readonly Token[], end: number): string | null {
  const next = tokens.find((token) => token.start >= end);
  return next && isContent(next) && next.kind === "word" ? next.stem : null;
}
