import type { Sentence, Token } from "./text-analysis";

/** Words of a sentence that attribute what it says to someone: "officials say", "reportedly". */
export interface Attribution {
  /** The attributing words as written, with the speaker when it stands next to the verb ("Officials say"). */
  words: string;
  /** Offsets of the words in the text the tokens come from. */
  start: number;
  end: number;
}

/** A cue: a sequence of lower-case words, each matched on a token's dictionary form or, failing that, as written. */
type Cue = readonly string[];

/**
 * Cues that attribute a source's sentence: reporting verbs by their dictionary form ("said", "says" → say;
 * "told" → tell) and hedging adverbs. Kept narrow on purpose, as a false cue here raises a false flag: "state"
 * (a noun as often as a verb) counts only as "stated", "inform" only as "informed" (never "information").
 */
const SOURCE_CUES: readonly Cue[] = [
  ["say"],
  ["tell"],
  ["claim"],
  ["allege"],
  ["allegedly"],
  ["reportedly"],
  ["report"],
  ["according", "to"],
  ["stated"],
  ["informed"],
  ["believe"],
  ["cite"],
  ["reiterate"],
  ["insist"],
  ["acknowledge"],
  ["emphasise"],
  ["emphasize"],
  ["purportedly"],
  ["supposedly"],
];

/**
 * Cues that make a claim reported speech rather than a statement of fact. Broader than the sources' cues: a
 * claim that says who spoke ("Ratcliffe described…", "the official called…") is not stated as fact, and a
 * missed flag costs less than a false one.
 */
const CLAIM_CUES: readonly Cue[] = [
  ...SOURCE_CUES,
  ["state"],
  ["describe"],
  ["call"],
  ["add"],
  ["announce"],
  ["warn"],
  ["vow"],
  ["urge"],
  ["stress"],
  ["argue"],
  ["suggest"],
  ["deny"],
  ["accuse"],
  ["admit"],
  ["confirm"],
];

/** Reporting verbs whose speaker is worth showing beside them ("U.S. intelligence sources claim"). */
const VERB_CUES = new Set([
  "say",
  "tell",
  "claim",
  "allege",
  "report",
  "stated",
  "informed",
  "believe",
  "cite",
  "reiterate",
  "insist",
  "acknowledge",
  "emphasise",
  "emphasize",
]);
/** Parts of speech a speaker's words are made of ("the", "two", "CIA", "senior", "officials"). */
const SPEAKER = new Set(["DET", "NUM", "PROPN", "NOUN", "ADJ"]);
/** At most this many words of a speaker are shown. */
const SPEAKER_WORDS = 4;

/**
 * The attributions of a sentence of a source, from its tokens: reporting verbs ("say", "told", "claim",
 * "according to") with the speaker next to them ("Officials say", "the official said", "said Ratcliffe"),
 * and hedges ("reportedly", "allegedly").
 * @example attributionsIn(sentencesOf("Officials say the videos worked.")[0]) // [{ words: "Officials say", start: 0, end: 13 }]
 */
export function attributionsIn(sentence: Sentence): Attribution[] {
  return cueMatches(sentence.tokens, SOURCE_CUES).map(({ first, last }) => {
    const { start, end } = withSpeaker(sentence.tokens, first, last);
    return { words: sentence.text.slice(start - sentence.start, end - sentence.start), start, end };
  });
}

/**
 * Whether a claim's own words attribute it to someone ("Ratcliffe emphasized…", "officials say…"); a claim
 * without such words is stated as fact.
 */
export function isAttributedClaim(tokens: readonly Token[]): boolean {
  return cueMatches(tokens, CLAIM_CUES).length > 0;
}

/**
 * The words of a claim that attribute it to someone, as written ("emphasized", "describing"): the cues of
 * isAttributedClaim.
 * @example claimAttributionWords(sentencesOf("Ratcliffe said it works.")[0].tokens) // ["said"]
 */
export function claimAttributionWords(tokens: readonly Token[]): string[] {
  return cueMatches(tokens, CLAIM_CUES).map(({ first, last }) =>
    tokens
      .slice(first, last + 1)
      .map((token) => token.value)
      .join(" "),
  );
}

/** Where the cues occur in the tokens, as token index ranges, first to last. */
function cueMatches(tokens: readonly Token[], cues: readonly Cue[]): Array<{ first: number; last: number }> {
  const found: Array<{ first: number; last: number }> = [];
  for (let at = 0; at < tokens.length; at += 1) {
    const cue = cues.find((words) => words.every((word, offset) => matches(tokens[at + offset], word)));
    if (!cue) continue;
    found.push({ first: at, last: at + cue.length - 1 });
    at += cue.length - 1;
  }
  return found;
}

function matches(token: Token | undefined, word: string): boolean {
  return token !== undefined && (token.lemma === word || token.value.toLowerCase() === word);
}

/**
 * A verb cue with its speaker: the words before it when they name one ("the official said"), else the words
 * right after it when they end the clause ("said Ratcliffe."). Hedges stand alone; "according to" takes
 * what follows it in the same way ("according to officials,").
 */
function withSpeaker(tokens: readonly Token[], first: number, last: number): { start: number; end: number } {
  const cue = tokens[first];
  let from = first;
  let to = last;
  const isVerb = cue !== undefined && (VERB_CUES.has(cue.lemma) || VERB_CUES.has(cue.value.toLowerCase()));
  if (isVerb) {
    while (from > 0 && first - from < SPEAKER_WORDS && SPEAKER.has(tokens[from - 1]?.pos ?? "")) from -= 1;
  }
  if (from === first && (isVerb || cue?.value.toLowerCase() === "according")) {
    let end = last;
    while (end + 1 < tokens.length && end - last < SPEAKER_WORDS && SPEAKER.has(tokens[end + 1]?.pos ?? "")) end += 1;
    // The words after the verb are its speaker only when they end the clause ("…, said Ratcliffe."), not
    // when they are its object or a new subject ("said the agency hopes…", "cited the videos as…").
    const next = tokens[end + 1];
    if (next === undefined || next.kind === "punctuation") to = end;
  }
  const start = tokens[from]?.start ?? 0;
  return { start, end: tokens[to]?.end ?? start };
}
