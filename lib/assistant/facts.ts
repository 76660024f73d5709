import { dayOf, dayText, zoneOffset, type ArticleTime } from "./article-time";
import type { Sentence, Token } from "./text-analysis";
import { isContent } from "./text-analysis";

/** A span of values a wording allows: "at least two" is [2, ∞), "about 1,500" is [1350, 1650]. */
export interface ValueRange {
  low: number;
  high: number;
}

/** A checkable value stated in a sentence: a count of something, a time of day, a date, or a list of things. */
export interface Fact {
  kind: "number" | "time" | "list";
  /**
   * What the value measures: a count of things ("three workers"), a clock time ("1:42 p.m. CT", in minutes
   * after midnight UTC when the zone is known), a date ("last October", as a range of days), a list of two or
   * more things, or one thing of another source's list named alone ("stored ammonium nitrate").
   */
  scale: "count" | "clock" | "date" | "list" | "mention";
  /** The words as written, e.g. "about 900,000", "last October", "X and Telegram". */
  wording: string;
  start: number;
  end: number;
  /** The value in words: "900000", "12:42 UTC", "October 2024", "telegram|x". */
  value: string;
  /** The values the wording allows (counts, clock minutes, days since 1970); null for lists. */
  range: ValueRange | null;
  /** For a count, the dictionary form of what it counts ("worker", "department"), when the sentence says. */
  unit: string | null;
  /** A count of people (workers, residents, passengers…), or of something unnamed that is done to people. */
  person: boolean;
  /**
   * For a count, what happens to the things counted: the verbs of its clause, with kin verbs as one class
   * ("killed", "died" → "death"; "injured", "hurt" → "injury"), so "three killed" and "200 aboard" differ.
   */
  predicates: string[];
  /** For a date: stated outright, or resolved against the article's date or the story's assumed date. */
  resolvedBy: "stated" | "article" | "assumed" | null;
  /** A date after the article's own: a plan ("a vigil on Wednesday"), never the same fact as what happened. */
  future: boolean;
  /** For a list, its items as written. */
  items: string[];
  /** For a list or a mention, the content stems around it, which say what the list is of. */
  neighbours: string[];
}

/** How a report gives a count or a time a range rather than a point. */
const HEDGES: Record<string, (value: number) => ValueRange> = {
  about: around,
  around,
  roughly: around,
  approximately: around,
  some: around,
  "close to": around,
  nearly: (value) => ({ low: value * 0.9, high: value }),
  almost: (value) => ({ low: value * 0.9, high: value }),
  "just under": (value) => ({ low: value * 0.9, high: value }),
  // Strict bounds are read as inclusive: "more than two miles" and "nearly two miles" are both about two.
  "more than": (value) => ({ low: value, high: Infinity }),
  over: (value) => ({ low: value, high: Infinity }),
  "at least": (value) => ({ low: value, high: Infinity }),
  "just over": (value) => ({ low: value, high: Infinity }),
  "fewer than": (value) => ({ low: 0, high: value }),
  "less than": (value) => ({ low: 0, high: value }),
  "at most": (value) => ({ low: 0, high: value }),
  "up to": (value) => ({ low: 0, high: value }),
  "as many as": (value) => ({ low: 0, high: value }),
};

function around(value: number): ValueRange {
  return { low: value * 0.9, high: value * 1.1 };
}

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
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
  "a dozen": 12,
  "a hundred": 100,
};
const SCALES: Record<string, number> = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const HEDGE = Object.keys(HEDGES)
  .sort((a, b) => b.length - a.length)
  .join("|");
const NUMBER_WORD = Object.keys(WORD_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const COUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,:-])(?:(${HEDGE})\s+)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|(?:${NUMBER_WORD})(?:[\s-](?:${NUMBER_WORD}))?)(?:\s+(hundred|thousand|million|billion|trillion))?(?![\p{L}\p{N}]|[:.]\d|\s*(?:a\.?m\b|p\.?m\b|am\b|pm\b))`,
  "iuy",
);
const CLOCK = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(about|around|approximately|roughly|shortly after|just after|shortly before|just before)\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\.?(?:\s+(local time|[ECMP][SD]?T|GMT|UTC|BST)\b)?`,
  "iuy",
);
const YEAR = /^(?:19|20)\d{2}$/;

/** People a report counts: a count of these is compared with another only when the same thing happens to them. */
const PERSON_NOUNS = new Set(
  "people person worker employee colleague resident passenger victim civilian child adult man woman firefighter officer student staff member crew patient individual official soldier miner driver guest customer visitor tourist inmate migrant refugee survivor spectator protester villager pilgrim casualty".split(
    " ",
  ),
);
/**
 * Verbs and nouns of what happens to people in a news event, each with its class: a death toll is never
 * compared with an injury count, an evacuation or a passenger count.
 */
const PREDICATE_CLASSES: Record<string, string> = Object.fromEntries(
  Object.entries({
    death: "kill die dead death fatal fatality toll perish",
    injury: "injure injured injury hurt wound wounded",
    hospital: "hospital hospitalize hospitalise treat",
    evacuation: "evacuate evacuation evacuee leave flee displace",
    missing: "miss missing unaccounted",
    rescue: "rescue save",
    arrest: "arrest detain charge",
    aboard: "aboard board carry onboard passenger",
  }).flatMap(([name, words]) => words.split(" ").map((word) => [word, name])),
);

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DATE = new RegExp(
  [
    String.raw`\b(today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night)\b`,
    String.raw`\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`,
    String.raw`\b(${MONTH}) (\d{1,2})(?:st|nd|rd|th)?(?:,? ((?:19|20)\d{2}))?\b`,
    String.raw`\blast (january|february|march|april|may|june|july|august|september|october|november|december|year|month|week)\b`,
    String.raw`\b(january|february|march|april|may|june|july|august|september|october|november|december)(?: of)? ((?:19|20)\d{2})\b`,
    String.raw`\b(?:in|since|during) (january|february|march|april|june|july|august|september|october|november|december)\b`,
    String.raw`\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (day|week|month|year)s? ago\b`,
    String.raw`\b((?:19|20)\d{2})\b`,
  ].join("|"),
  "iuy",
);

/** Where the sentence's article stands in time, and the zone a time of day without one is read in. */
export interface FactContext {
  /** The article's date, or the story's when the article states none; null when nobody states one. */
  time: ArticleTime | null;
  /** The story's local UTC offset in minutes (from its sources' timestamps), for "local time" and bare times. */
  localOffset: number | null;
}

/**
 * The counts, times of day, dates and lists a sentence states. Counts carry what they count and what happens
 * to it ("three workers" killed); hedges make ranges ("at least two", "about 1,500"); times of day are read in
 * their zone ("1:42 p.m. CT", "12.42pm local time"); relative dates ("yesterday", "last October", "six months
 * ago") are resolved against the article's date. Counts in a sentence that names an earlier year ("the 2013
 * explosion in West, Texas, which killed 15 people") are background about another event and are left out.
 * @example factsOf(sentencesOf("About 40 employees were on site.")[0], { time: null, localOffset: null })[0].range
 *   // { low: 36, high: 44 }
 */
export function factsOf(sentence: Sentence, context: FactContext = { time: null, localOffset: null }): Fact[] {
  const facts: Fact[] = [];
  const taken: Array<{ start: number; end: number }> = [];
  const free = (start: number, end: number) => !taken.some((range) => range.start < end && start < range.end);
  const base = (scale: Fact["scale"], kind: Fact["kind"], start: number, wording: string) => ({
    kind,
    scale,
    wording,
    start: sentence.start + start,
    end: sentence.start + start + wording.length,
    unit: null,
    person: false,
    predicates: [],
    resolvedBy: null,
    future: false,
    items: [],
    neighbours: [],
  });

  for (const match of atWords(sentence, CLOCK)) {
    const at = match.index ?? 0;
    const hours = (Number(match[2]) % 12) + ((match[4] ?? "").toLowerCase() === "p" ? 12 : 0);
    const minutes = hours * 60 + Number(match[3] ?? 0);
    const zone = match[5]?.toLowerCase();
    const offset = zone && zone !== "local time" ? zoneOffset(zone, context.time) : context.localOffset;
    const clock = offset === null ? minutes : (minutes - offset + 1440) % 1440;
    const slack = match[1] ? 10 : 0;
    taken.push({ start: at, end: at + match[0].length });
    facts.push({
      ...base("clock", "time", at, match[0]),
      value: `${String(Math.floor(clock / 60)).padStart(2, "0")}:${String(clock % 60).padStart(2, "0")} ${offset === null ? "as written" : "UTC"}`,
      range: { low: clock - slack, high: clock + slack },
      resolvedBy: offset === null ? null : "stated",
    });
  }

  const background = [...sentence.text.matchAll(/\b((?:19|20)\d{2})\b/g)].some(
    (match) => context.time !== null && Number(match[1]) < context.time.year,
  );
  for (const match of atWords(sentence, DATE)) {
    const at = match.index ?? 0;
    if (!free(at, at + match[0].length)) continue;
    const resolved = resolveDate(match, context.time);
    taken.push({ start: at, end: at + match[0].length });
    if (!resolved) continue;
    // "in October": the month is the wording, the preposition only introduces it.
    const lead = /^(?:in|since|during) /i.exec(match[0])?.[0].length ?? 0;
    facts.push({
      ...base("date", "time", at + lead, match[0].slice(lead)),
      value:
        resolved.low === resolved.high ? dayText(resolved.low) : `${dayText(resolved.low)} – ${dayText(resolved.high)}`,
      range: { low: resolved.low, high: resolved.high },
      resolvedBy: resolved.by,
      future: context.time !== null && resolved.low > context.time.day,
    });
  }

  for (const match of atWords(sentence, COUNT)) {
    const at = match.index ?? 0;
    const number = match[2] ?? "";
    if (!free(at, at + match[0].length) || YEAR.test(number) || background) continue;
    const value = countValue(number, match[3]);
    if (value === null) continue;
    // "one of the videos" counts nothing worth checking.
    if (value === 1 && !/\d/.test(number)) continue;
    const end = at + match[0].length;
    const tokens = sentence.tokens;
    const firstToken = tokens.findIndex((token) => token.start >= sentence.start + at);
    const lastToken = tokens.findIndex((token) => token.end >= sentence.start + end);
    if (firstToken === -1 || lastToken === -1) continue;
    // A number right after a name is part of it ("Route 9") or an age ("Martha Ellison, 71").
    const before = tokens[firstToken - 1];
    if (before && firstToken > 1 && /^\p{Lu}/u.test(before.value) && !match[1]) continue;
    if (before?.value === "," && tokens[firstToken - 2]?.pos === "PROPN") continue;
    const { unit, after } = countedUnit(tokens, lastToken + 1);
    const predicates = predicatesOf(tokens, firstToken, after);
    const person = unit === null ? predicates.some((word) => CLASS_NAMES.has(word)) : PERSON_NOUNS.has(unit);
    if (unit === null && !person) continue;
    const hedge = match[1]?.toLowerCase();
    facts.push({
      ...base("count", "number", at, match[0]),
      value: String(value),
      range: hedge ? (HEDGES[hedge] ?? around)(value) : { low: value, high: value },
      unit,
      person,
      predicates,
    });
  }

  for (const list of listsIn(sentence)) {
    facts.push({
      ...base(
        "list",
        "list",
        list.start - sentence.start,
        sentence.text.slice(list.start - sentence.start, list.end - sentence.start),
      ),
      value: list.items.map(itemKey).sort().join("|"),
      range: null,
      items: list.items,
      neighbours: neighboursOf(sentence.tokens, list.start, list.end, list.items),
    });
  }
  return facts.sort((a, b) => a.start - b.start);
}

/**
 * The matches of a sticky pattern that start at a word or number of the sentence, without overlaps: trying
 * a pattern only where a word starts is what keeps reading facts cheap for long sources.
 */
function atWords(sentence: Sentence, pattern: RegExp): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let after = 0;
  for (const token of sentence.tokens) {
    const at = token.start - sentence.start;
    if (at < after || (token.kind !== "word" && token.kind !== "number")) continue;
    pattern.lastIndex = at;
    const match = pattern.exec(sentence.text);
    if (!match || match[0].length === 0) continue;
    found.push(match);
    after = at + match[0].length;
  }
  return found;
}

const CLASS_NAMES = new Set(Object.values(PREDICATE_CLASSES));

/** The numeric value of a number's words: "about 900,000" → 900000, "2.9 million" → 2900000, "two" → 2. */
export function numberValue(words: string): number | null {
  COUNT.lastIndex = 0;
  const match = COUNT.exec(words.trim());
  return match ? countValue(match[2] ?? "", match[3]) : null;
}

function countValue(number: string, scale: string | undefined): number | null {
  const lower = number.toLowerCase();
  let value: number | null = null;
  const digits = lower.replaceAll(",", "");
  if (/^\d+(?:\.\d+)?$/.test(digits)) value = Number(digits);
  else if (lower in WORD_NUMBERS) value = WORD_NUMBERS[lower] ?? null;
  else {
    const parts = lower.split(/[\s-]+/).map((part) => WORD_NUMBERS[part]);
    if (parts.every((part) => part !== undefined)) value = parts.reduce<number>((sum, part) => sum + (part ?? 0), 0);
  }
  if (value === null) return null;
  return scale ? value * (SCALES[scale.toLowerCase()] ?? 1) : value;
}

/**
 * What a count counts: the last noun of the noun phrase after it ("two social media videos" → "video"), or
 * after "of my/the" ("two of my firefighters" → "firefighter"); null when no noun follows ("11 of them").
 */
function countedUnit(tokens: readonly Token[], from: number): { unit: string | null; after: number } {
  let at = from;
  if (tokens[at]?.value.toLowerCase() === "of") {
    at += 1;
    while (tokens[at] && (tokens[at]?.pos === "DET" || tokens[at]?.pos === "PRON")) {
      if (tokens[at]?.pos === "PRON" && !/^(?:my|our|their|his|her|its|your)$/i.test(tokens[at]?.value ?? ""))
        return { unit: null, after: at + 1 };
      at += 1;
    }
  }
  let unit: string | null = null;
  while (tokens[at] && (["ADJ", "NOUN", "PROPN"].includes(tokens[at]?.pos ?? "") || tokens[at]?.value === "-")) {
    const token = tokens[at] as Token;
    // "two videos Thursday": a day or a month after a count is when, not what.
    if (WEEKDAYS.includes(token.lemma) || MONTHS.includes(token.lemma)) break;
    if (token.pos === "NOUN" || token.pos === "PROPN") unit = token.lemma;
    at += 1;
  }
  return { unit, after: at };
}

const CLAUSE_END = new Set([
  ",",
  ";",
  ":",
  "—",
  "–",
  "(",
  ")",
  ".",
  "?",
  "!",
  "when",
  "which",
  "who",
  "while",
  "after",
  "before",
  "because",
  "as",
]);
const LINKING = new Set(["be", "have", "remain", "stay"]);

/**
 * What the clause of a count says of it: the first verb after it (or, after "were", the place: "were on
 * site" → "site") and the nearest verb before it, up to the clause's edges, and the class words of its
 * clause ("an evacuation order covering 1,500 people"); verbs of a class become the class's name.
 */
function predicatesOf(tokens: readonly Token[], first: number, after: number): string[] {
  const found = new Set<string>();
  const add = (token: Token) =>
    found.add(PREDICATE_CLASSES[token.lemma] ?? PREDICATE_CLASSES[token.value.toLowerCase()] ?? token.lemma);
  const ends = (token: Token) => CLAUSE_END.has(token.value.toLowerCase()) || token.pos === "CCONJ";
  let verb = false;
  let linked = false;
  for (let at = after; at < tokens.length; at += 1) {
    const token = tokens[at] as Token;
    if (ends(token)) break;
    if (PREDICATE_CLASSES[token.lemma]) add(token);
    if (!verb && token.pos === "VERB" && !LINKING.has(token.lemma)) {
      add(token);
      verb = true;
    } else if (token.pos === "AUX" || LINKING.has(token.lemma)) linked = true;
    else if (linked && !verb && token.pos === "NOUN") {
      add(token);
      verb = true;
    }
  }
  let before = false;
  for (let at = first - 1; at >= 0; at -= 1) {
    const token = tokens[at] as Token;
    if (ends(token)) break;
    if (PREDICATE_CLASSES[token.lemma]) add(token);
    if (!before && token.pos === "VERB" && !LINKING.has(token.lemma)) {
      add(token);
      before = true;
    }
  }
  return [...found];
}

/** A date expression resolved to a range of days, or null when it cannot be (no date to count from, vague). */
function resolveDate(
  match: RegExpMatchArray,
  time: ArticleTime | null,
): (ValueRange & { by: NonNullable<Fact["resolvedBy"]> }) | null {
  const [
    ,
    dayWord,
    weekday,
    monthShort,
    monthDate,
    monthYear,
    lastWhat,
    monthName,
    namedYear,
    inMonth,
    agoCount,
    agoUnit,
    year,
  ] = match.map((part) => part?.toLowerCase());
  const relative: "article" | "assumed" | null = time ? (time.basis === "article" ? "article" : "assumed") : null;
  const day = (low: number, high = low) => (relative ? { low, high, by: relative } : null);
  const month = (y: number, m: number, by: NonNullable<Fact["resolvedBy"]>) => ({
    low: dayOf(y, m, 1),
    high: dayOf(y, m + 1, 1) - 1,
    by,
  });
  if (year) return { low: dayOf(Number(year), 0, 1), high: dayOf(Number(year) + 1, 0, 1) - 1, by: "stated" };
  if (monthName && namedYear) return month(Number(namedYear), MONTHS.indexOf(monthName), "stated");
  if (!time || !relative) return null;
  if (dayWord) {
    if (dayWord === "yesterday" || dayWord === "last night") return day(time.day - 1);
    if (dayWord === "tomorrow") return day(time.day + 1);
    return day(time.day);
  }
  if (weekday) {
    // A weekday in a report is within the past few days, or tomorrow ("expected on Tuesday").
    const back = (time.weekday - WEEKDAYS.indexOf(weekday) + 7) % 7;
    return day(back === 6 ? time.day + 1 : time.day - back);
  }
  if (monthShort && monthDate) {
    const m = MONTHS.findIndex((name) => name.startsWith(monthShort.replace(".", "").slice(0, 3)));
    const y = monthYear ? Number(monthYear) : m > time.month ? time.year - 1 : time.year;
    return {
      low: dayOf(y, m, Number(monthDate)),
      high: dayOf(y, m, Number(monthDate)),
      by: monthYear ? "stated" : relative,
    };
  }
  if (lastWhat) {
    if (lastWhat === "year") return { ...month(time.year - 1, 0, relative), high: dayOf(time.year, 0, 1) - 1 };
    if (lastWhat === "month") return month(time.year, time.month - 1, relative);
    if (lastWhat === "week") return day(time.day - 13, time.day - 1);
    const m = MONTHS.indexOf(lastWhat);
    return month(m < time.month ? time.year : time.year - 1, m, relative);
  }
  if (inMonth) {
    const m = MONTHS.indexOf(inMonth);
    return month(m <= time.month ? time.year : time.year - 1, m, relative);
  }
  if (agoCount && agoUnit) {
    const count = /^\d+$/.test(agoCount)
      ? Number(agoCount)
      : agoCount === "a" || agoCount === "an"
        ? 1
        : (WORD_NUMBERS[agoCount] ?? 0);
    // "Six months ago" names a calendar month, as a reader counts: in May, six months ago is November.
    if (agoUnit === "month") return month(time.year, time.month - count, relative);
    if (agoUnit === "year")
      return { ...month(time.year - count, 0, relative), high: dayOf(time.year - count + 1, 0, 1) - 1 };
    if (agoUnit === "week") return day(time.day - 7 * count - 3, time.day - 7 * count + 3);
    return day(time.day - count);
  }
  return null;
}

const ITEM_POS = new Set(["NOUN", "PROPN", "ADJ"]);

/**
 * Lists in a sentence: two or more noun phrases without an article, joined by commas and "and"/"or"
 * ("YouTube, Facebook, Telegram, Instagram, and X", "ammonium nitrate, anhydrous ammonia and urea"), with
 * offsets in the text.
 */
function listsIn(sentence: Sentence): Array<{ start: number; end: number; items: string[] }> {
  let lists = listCache.get(sentence);
  if (!lists) {
    lists = findLists(sentence);
    listCache.set(sentence, lists);
  }
  return lists;
}

/** The lists of each sentence: the facts and the mentions of a sentence both need them. */
const listCache = new WeakMap<Sentence, Array<{ start: number; end: number; items: string[] }>>();

function findLists(sentence: Sentence): Array<{ start: number; end: number; items: string[] }> {
  const tokens = sentence.tokens;
  const lists: Array<{ start: number; end: number; items: string[] }> = [];
  const itemAt = (from: number): { end: number; words: Token[] } | null => {
    const words: Token[] = [];
    let at = from;
    while (at < tokens.length && words.length < 4) {
      const token = tokens[at] as Token;
      const hyphened = token.value.includes("-") && token.kind === "word";
      if (!(ITEM_POS.has(token.pos) || hyphened) || token.kind !== "word") break;
      words.push(token);
      at += 1;
    }
    const named = words.some((word) => word.pos !== "ADJ" || /^\p{Lu}/u.test(word.value));
    return words.length > 0 && named ? { end: at, words } : null;
  };
  let at = 0;
  while (at < tokens.length) {
    const first = itemAt(at);
    if (!first) {
      at += 1;
      continue;
    }
    const items = [first.words];
    let cursor = first.end;
    let closed = false;
    while (cursor < tokens.length) {
      const separator = tokens[cursor]?.value.toLowerCase();
      let next = cursor + 1;
      let conjunction = separator === "and" || separator === "or";
      if (separator === "," && ["and", "or"].includes(tokens[next]?.value.toLowerCase() ?? "")) {
        conjunction = true;
        next += 1;
      }
      if (separator !== "," && !conjunction) break;
      const item = itemAt(next);
      if (!item) break;
      items.push(item.words);
      cursor = item.end;
      if (conjunction) {
        closed = true;
        break;
      }
    }
    // "the CIA and other U.S. agencies" names one thing and a kind; "Chinese and Russian intelligence
    // officials" shares its noun between adjectives: neither is a list of things.
    const open = items.some((words) => /^(?:other|similar|more)$/i.test(words[0]?.value ?? ""));
    const last = items[items.length - 1] ?? [];
    const sharedNoun =
      last.length > 1 &&
      last[last.length - 1]?.pos === "NOUN" &&
      items.slice(0, -1).every((words) => words.length === 1 && words[0]?.pos !== "NOUN");
    if (closed && items.length >= 2 && !open && !sharedNoun) {
      const start = items[0]?.[0]?.start ?? 0;
      const lastItem = items[items.length - 1] ?? [];
      const end = lastItem[lastItem.length - 1]?.end ?? start;
      lists.push({
        start,
        end,
        items: items.map((words) =>
          sentence.text.slice(
            (words[0]?.start ?? 0) - sentence.start,
            (words[words.length - 1]?.end ?? 0) - sentence.start,
          ),
        ),
      });
      at = cursor;
    } else at = first.end;
  }
  return lists;
}

/** An item as compared: lower case, without a leading "the". */
export function itemKey(item: string): string {
  return item
    .toLowerCase()
    .replace(/^the\s+/, "")
    .trim();
}

/**
 * Whether two list items name the same thing: one's words are all among the other's ("ammonia", "anhydrous
 * ammonia"; "repression", "political repression").
 */
export function sameItem(a: string, b: string): boolean {
  return within(itemWords(a), itemWords(b)) || within(itemWords(b), itemWords(a));
}

/**
 * Whether two lists name one thing in common (sameItem of an item of each). The finder compares every list
 * with every other, so each list's word sets are kept with the list.
 */
export function sharesItem(a: readonly string[], b: readonly string[]): boolean {
  const wordsA = listWords(a);
  const wordsB = listWords(b);
  return wordsA.some((one) => wordsB.some((other) => within(one, other) || within(other, one)));
}

const listWordCache = new WeakMap<readonly string[], Array<Set<string>>>();

function listWords(items: readonly string[]): Array<Set<string>> {
  let words = listWordCache.get(items);
  if (!words) {
    words = items.map(itemWords);
    listWordCache.set(items, words);
  }
  return words;
}

function within(words: ReadonlySet<string>, others: ReadonlySet<string>): boolean {
  for (const word of words) if (!others.has(word)) return false;
  return true;
}

/** The words of items, kept: the finder compares every list with every other. */
const itemWordCache = new Map<string, Set<string>>();
function itemWords(item: string): Set<string> {
  let words = itemWordCache.get(item);
  if (!words) {
    if (itemWordCache.size >= 10_000) itemWordCache.clear();
    words = new Set(itemKey(item).split(/[\s-]+/));
    itemWordCache.set(item, words);
  }
  return words;
}

/** The content stems within three content words of a span of a sentence, without the words of the items. */
export function neighboursOf(tokens: readonly Token[], start: number, end: number, items: readonly string[]): string[] {
  const itemWords = new Set(items.flatMap((item) => itemKey(item).split(/[\s-]+/)));
  const content = (token: Token) => isContent(token) && !itemWords.has(token.value.toLowerCase());
  const before = tokens.filter((token) => token.end <= start && content(token)).slice(-3);
  const after = tokens.filter((token) => token.start >= end && content(token)).slice(0, 3);
  return [...before, ...after].map((token) => token.stem);
}

/**
 * A pattern that finds any of the items as whole words, case-insensitively, longest first; null for none.
 * Built once per source and passed to mentionsOf for each of its sentences.
 */
export function itemsPattern(items: readonly string[]): RegExp | null {
  const unique = [...new Set(items.map((item) => item.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return null;
  const alternatives = unique.map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternatives})(?![\p{L}\p{N}])`, "giu");
}

/**
 * Items of lists named alone in a sentence ("where the company stored ammonium nitrate"), found by a pattern
 * of itemsPattern, as facts to set beside the lists: a report that names part of a list gives a different list.
 */
export function mentionsOf(sentence: Sentence, pattern: RegExp | null): Fact[] {
  const facts: Fact[] = [];
  if (!pattern) return facts;
  const lists = listsIn(sentence);
  for (const match of sentence.text.matchAll(pattern)) {
    const start = sentence.start + (match.index ?? 0);
    const end = start + match[0].length;
    if (lists.some((list) => list.start <= start && end <= list.end)) continue;
    facts.push({
      kind: "list",
      scale: "mention",
      wording: match[0],
      start,
      end,
      value: itemKey(match[0]),
      range: null,
      unit: null,
      person: false,
      predicates: [],
      resolvedBy: null,
      future: false,
      items: [match[0]],
      neighbours: neighboursOf(sentence.tokens, start, end, [match[0]]),
    });
  }
  return facts;
}
