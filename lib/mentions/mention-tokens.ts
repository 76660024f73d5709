/**
 * A mention in a comment's body is stored as the person's id in a token, `<@id>`, never as their name: the
 * name may change, and the collaboration server tells the person by id. The thread shows each token as
 * "@Name" (with the people it knows) and never as HTML.
 */
const MENTION = /<@([A-Za-z0-9_-]{1,64})>/g;

/** The most people one comment may tell. */
export const MAX_MENTIONS = 20;

/**
 * The token that stores a mention of a person in a comment's body.
 * @example mentionToken("u1") // "<@u1>"
 */
export function mentionToken(personId: string): string {
  return `<@${personId}>`;
}

/**
 * The ids a comment's body mentions, each once, in order of first mention, at most MAX_MENTIONS.
 * @example mentionedIds("<@u1> and <@u2>, see <@u1>") // ["u1", "u2"]
 */
export function mentionedIds(body: string): string[] {
  const ids = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    if (ids.size >= MAX_MENTIONS) break;
    ids.add(match[1]!);
  }
  return [...ids];
}

/** A piece of a comment's body: plain text, or a mention of a person by id. */
export type CommentPiece = { text: string } | { personId: string };

/**
 * A comment's body as text and mentions, in order, for a thread to show (each text as text, each mention as
 * "@Name").
 * @example commentPieces("Ask <@u2>.") // [{ text: "Ask " }, { personId: "u2" }, { text: "." }]
 */
export function commentPieces(body: string): CommentPiece[] {
  const pieces: CommentPiece[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    if (match.index > last) pieces.push({ text: body.slice(last, match.index) });
    pieces.push({ personId: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < body.length) pieces.push({ text: body.slice(last) });
  return pieces;
}

/**
 * What a person typed, with each "@Name" they picked from the list turned into its token: `picked` is who they
 * picked (a name typed by hand without picking it stays text). Longer names are replaced first, so that "@Rosa
 * Díaz" is not taken for "@Rosa".
 * @example encodeMentions("Rosa? @Rosa Díaz", [{ id: "u2", name: "Rosa Díaz" }]) // "Rosa? <@u2>"
 */
export function encodeMentions(text: string, picked: ReadonlyArray<{ id: string; name: string }>): string {
  let encoded = text;
  for (const person of [...picked].sort((a, b) => b.name.length - a.name.length)) {
    encoded = encoded.split(`@${person.name}`).join(mentionToken(person.id));
  }
  return encoded;
}

/**
 * The query of a mention being typed at the caret: the text after an "@" that starts the text or follows a
 * space or line break, up to the caret, when it is short and on one line; null when the caret is not in one.
 * @example mentionQueryAt("Ask @ro", 7) // { start: 4, query: "ro" }
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  if (at > 0 && !/\s/.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@]/.test(query) || /\s\s/.test(query)) return null;
  return { start: at, query };
}
