import { claimAttributionWords } from "./attribution";
import type { ClaimProposal, ProposalReason, ProposalReasonKind } from "./proposals-claimed";
import { sentencesOf, type Sentence, type Token } from "./text-analysis";

export type { ClaimProposal, ProposalReason, ProposalReasonKind } from "./proposals-claimed";

/** Entities of wink-nlp's model that are quantities, dates or times. */
const QUANTITY_ENTITIES = new Set(["CARDINAL", "ORDINAL", "DATE", "TIME", "DURATION", "MONEY", "PERCENT"]);

/** A cue: lower-case words, each matched on a token's dictionary form or as written. */
type Cue = readonly string[];

/** Verbs of answering: a silence is attributed as much as a statement ("have yet to respond"). */
const RESPONSE_CUES: readonly Cue[] = [["respond"], ["reply"], ["answer"], ["comment"], ["decline"]];

/** Explicit markers of cause, effect, purpose and inference (closed-class words and their usual verbs). */
const CAUSAL_CUES: readonly Cue[] = [
  ["because"],
  ["cause"],
  ["due", "to"],
  ["owing", "to"],
  ["thanks", "to"],
  ["lead", "to"],
  ["result", "in"],
  ["as", "a", "result"],
  ["behind"],
  ["aim", "to"],
  ["in", "order", "to"],
  ["so", "that"],
  ["therefore"],
  ["thus"],
  ["hence"],
  ["indicate"],
  ["trigger"],
  ["blame"],
];

/** Markers of a comparison or of change over time; comparative and superlative adjectives are found by form. */
const COMPARATIVE_CUES: readonly Cue[] = [
  ["more"],
  ["less"],
  ["fewer"],
  ["most"],
  ["least"],
  ["than"],
  ["increase"],
  ["decrease"],
  ["rise"],
  ["grow"],
  ["decline"],
  ["double"],
  ["previous"],
  ["previously"],
  ["prior"],
  ["compare"],
  ["record"],
];

const CONJUNCTIONS = new Set(["and", "but", "yet", "while", "whereas"]);
const VERB_TAGS = new Set(["VERB", "AUX"]);
const CAPITALISED = /^\p{Lu}/u;
const ACRONYM = /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,6})$/u;

/**
 * Spans of a summary worth making claims, each with its reasons: a number, quantity, date or time; a named
 * person, institution or place; a statement or a silence attributed to someone; a cause, purpose or inference;
 * a comparison. The unit is a sentence, cut in two where it coordinates two predications ("X follows A and
 * indicates B"); a span with none of these reasons is not proposed. Offsets are in `summary` (the summary's
 * plain text). Pure; uses wink-nlp's English model, so the workspace runs it in the assistant's worker.
 * @example proposeClaims("The CIA released two videos.")[0]?.reasons.map((reason) => reason.kind) // ["number", "named"]
 */
export function proposeClaims(summary: string): ClaimProposal[] {
  const capitalisedInside = wordsCapitalisedInside(summary);
  const proposals: ClaimProposal[] = [];
  for (const sentence of sentencesOf(summary)) {
    for (const tokens of clausesOf(sentence)) {
      const first = tokens[0];
      const last = tokens[tokens.length - 1];
      if (!first || !last) continue;
      const reasons = reasonsOf(tokens, sentence, capitalisedInside);
      if (reasons.length === 0) continue;
      proposals.push({
        id: `proposal-${first.start}-${last.end}`,
        start: first.start,
        end: last.end,
        text: summary.slice(first.start, last.end),
        reasons,
      });
    }
  }
  return proposals;
}

/**
 * The clauses of a sentence: the whole, or parts where a conjunction opens a new predication and a verb comes
 * before it ("…from Russia | and | indicates…", "…two videos | , and | officials said…"); the conjunction
 * belongs to neither. Appositions, participle phrases and lists of nouns stay whole.
 */
function clausesOf(sentence: Sentence): Token[][] {
  const { tokens } = sentence;
  const clauses: Token[][] = [];
  let from = 0;
  for (let at = 1; at < tokens.length - 2; at += 1) {
    const token = tokens[at] as Token;
    if (!CONJUNCTIONS.has(token.value.toLowerCase()) || !opensPredicate(tokens, at)) continue;
    const before = tokens.slice(from, at);
    if (!before.some((word) => VERB_TAGS.has(word.pos))) continue;
    // A comma before the conjunction stays out of the first part.
    clauses.push(before[before.length - 1]?.kind === "punctuation" ? before.slice(0, -1) : before);
    from = at + 1;
  }
  clauses.push(tokens.slice(from));
  return clauses.filter((clause) => clause.some((token) => token.kind === "word"));
}

/** Parts of speech of a short subject ("officials", "the agency", "two senior officials", "it"). */
const SUBJECT_TAGS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"]);
/** At most this many words of a new clause's subject. */
const SUBJECT_WORDS = 4;

/**
 * Whether the conjunction at `at` joins a new predication: a verb right after it ("…and indicates"), or, after
 * a comma, a short subject and then a verb ("…, and officials said").
 */
function opensPredicate(tokens: readonly Token[], at: number): boolean {
  if (VERB_TAGS.has(tokens[at + 1]?.pos ?? "")) return true;
  if (tokens[at - 1]?.value !== ",") return false;
  let next = at + 1;
  while (next - at <= SUBJECT_WORDS && SUBJECT_TAGS.has(tokens[next]?.pos ?? "")) next += 1;
  return next > at + 1 && VERB_TAGS.has(tokens[next]?.pos ?? "");
}

function reasonsOf(tokens: readonly Token[], sentence: Sentence, capitalisedInside: ReadonlySet<string>) {
  const reasons: ProposalReason[] = [];
  const add = (kind: ProposalReasonKind, words: string[]) => {
    const unique = [...new Set(words)];
    if (unique.length > 0) reasons.push({ kind, words: unique });
  };
  const start = tokens[0]?.start ?? 0;
  const end = tokens[tokens.length - 1]?.end ?? start;
  const quantities = sentence.entities.filter(
    (entity) => QUANTITY_ENTITIES.has(entity.type) && entity.start >= start && entity.end <= end,
  );
  const inQuantity = (token: Token) =>
    quantities.some((entity) => token.start >= entity.start && token.end <= entity.end);
  add("number", [
    ...quantities.map((entity) => sentence.text.slice(entity.start - sentence.start, entity.end - sentence.start)),
    ...tokens.filter((token) => token.kind === "number" && !inQuantity(token)).map((token) => token.value),
  ]);
  add("named", namesIn(tokens, sentence, capitalisedInside, inQuantity));
  add("attribution", [...claimAttributionWords(tokens), ...cueWords(tokens, RESPONSE_CUES)]);
  add("causal", cueWords(tokens, CAUSAL_CUES));
  add("comparative", [
    ...cueWords(tokens, COMPARATIVE_CUES),
    ...tokens.filter((token) => token.pos === "ADJ" && isGraded(token)).map((token) => token.value),
  ]);
  return reasons;
}

/**
 * Runs of proper nouns and acronyms ("CIA Director John Ratcliffe", "U.S."), dates and times left out. A
 * sentence's first word counts only when the summary also capitalises it inside a sentence, is an acronym,
 * or starts a run of several: a capital there says nothing by itself ("Federal agencies").
 */
function namesIn(
  tokens: readonly Token[],
  sentence: Sentence,
  capitalisedInside: ReadonlySet<string>,
  inQuantity: (token: Token) => boolean,
): string[] {
  const names: string[] = [];
  let run: Token[] = [];
  const close = () => {
    const [head] = run;
    const opensSentence = head !== undefined && head.start === sentence.start;
    const counts =
      run.length > 1 ||
      (head !== undefined &&
        (!opensSentence || ACRONYM.test(head.value) || capitalisedInside.has(head.value.toLowerCase())));
    if (head && counts) names.push(run.map((token) => token.value).join(" "));
    run = [];
  };
  for (const token of tokens) {
    if (token.pos === "PROPN" && CAPITALISED.test(token.value) && !inQuantity(token)) run.push(token);
    else close();
  }
  close();
  return names;
}

/** Lower-case words the text writes with a capital inside a sentence (not as its first word). */
function wordsCapitalisedInside(text: string): Set<string> {
  const words = new Set<string>();
  for (const sentence of sentencesOf(text))
    for (const token of sentence.tokens.slice(1))
      if (token.kind === "word" && CAPITALISED.test(token.value)) words.add(token.value.toLowerCase());
  return words;
}

/** A comparative or superlative adjective by its form against its dictionary form: "larger", "earliest". */
function isGraded(token: Token): boolean {
  const value = token.value.toLowerCase();
  const stem = token.lemma.replace(/e$/, "").replace(/y$/, "i");
  return value !== token.lemma && (value === `${stem}er` || value === `${stem}est`);
}

/** The words of the tokens that match a cue, as written ("aiming to", "caused"). */
function cueWords(tokens: readonly Token[], cues: readonly Cue[]): string[] {
  const found: string[] = [];
  for (let at = 0; at < tokens.length; at += 1) {
    const cue = cues.find((words) => words.every((word, offset) => matches(tokens[at + offset], word)));
    if (!cue) continue;
    found.push(
      tokens
        .slice(at, at + cue.length)
        .map((token) => token.value)
        .join(" "),
    );
    at += cue.length - 1;
  }
  return found;
}

function matches(token: Token | undefined, word: string): boolean {
  return token !== undefined && (token.lemma === word || token.value.toLowerCase() === word);
}
