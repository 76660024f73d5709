import * as Y from "yjs";
import { z } from "zod";
import { CLAIMS_FIELD } from "../claims/story-claims";

/** Any shared type of a Y.Doc. */
type SharedType = NonNullable<ReturnType<Y.Doc["share"]["get"]>>;

/**
 * The name of the server-written Y.Map of a story's Y.Doc that says who created each claim, attached each
 * quote, wrote each comment and touched each claim. The names a client writes into its claims, quotes and
 * comments are client data; these stamps come from the authenticated socket each change arrived on, and
 * every reader prefers them (lib/claims/story-claims.ts), so a forged name is never shown or counted.
 */
export const AUTHORSHIP_FIELD = "authorship";

const personSchema = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(200) });

/** A person as the server stamped them. */
export type StampedPerson = z.infer<typeof personSchema>;

const claimStampSchema = z.object({ by: personSchema.nullable(), contributors: z.array(z.string().max(64)).max(1_000) });
const itemStampSchema = z.object({ by: personSchema });

/** The server's stamps of a story document, read once for a reader of its claims. */
export interface Authorship {
  /** Who created the claim, or null when the server did not see it created (a claim older than the stamps). */
  claimCreator(claimId: string): StampedPerson | null;
  /** The ids of everyone who changed anything under the claim on an authenticated socket. */
  contributors(claimId: string): readonly string[];
  /** Who attached a quote, or null when it is older than the stamps. */
  quoteAdder(claimId: string, quoteId: string): StampedPerson | null;
  /** Who wrote a comment, or null when it is older than the stamps. */
  commentAuthor(claimId: string, commentId: string): StampedPerson | null;
}

const claimKey = (claimId: string) => `claim:${claimId}`;
const quoteKey = (claimId: string, quoteId: string) => `quote:${claimId}:${quoteId}`;
const commentKey = (claimId: string, commentId: string) => `comment:${claimId}:${commentId}`;

/** The authorship stamps of a story document; entries that do not match their schema are ignored. */
export function readAuthorship(doc: Y.Doc): Authorship {
  const stamps = doc.getMap<unknown>(AUTHORSHIP_FIELD);
  const claim = (claimId: string) => {
    const parsed = claimStampSchema.safeParse(stamps.get(claimKey(claimId)));
    return parsed.success ? parsed.data : null;
  };
  const item = (key: string) => {
    const parsed = itemStampSchema.safeParse(stamps.get(key));
    return parsed.success ? parsed.data.by : null;
  };
  return {
    claimCreator: (claimId) => claim(claimId)?.by ?? null,
    contributors: (claimId) => claim(claimId)?.contributors ?? [],
    quoteAdder: (claimId, quoteId) => item(quoteKey(claimId, quoteId)),
    commentAuthor: (claimId, commentId) => item(commentKey(claimId, commentId)),
  };
}

/**
 * The claims a transaction touched in any way: a key of the claims map set or deleted (an entry created,
 * replaced or deleted), or any change inside an entry (a field set, a list replaced, an item inserted or
 * deleted, nested types created with it). Run it after the transaction (in `afterTransaction`).
 */
export function claimsTouchedBy(doc: Y.Doc, transaction: Y.Transaction): Set<string> {
  const claims = doc.getMap<unknown>(CLAIMS_FIELD);
  const touched = new Set<string>();
  if (!transaction.changedParentTypes.has(claims as unknown as SharedType) && !transaction.changed.has(claims as unknown as SharedType)) return touched;
  for (const [type, keys] of transaction.changed) {
    if ((type as object) === claims) {
      for (const key of keys) if (key !== null) touched.add(key);
      continue;
    }
    const claimId = claimIdAbove(type, claims);
    if (claimId !== null) touched.add(claimId);
  }
  return touched;
}

/**
 * Stamps what a transaction that came from `person` did to the claims it touched (claimsTouchedBy): the
 * creator of each claim it created, the adder of each quote and the author of each comment it inserted
 * (unless already stamped: replacing an entry keeps its first author), and `person` among the contributors
 * of every touched claim. Writes in a transaction of its own with `origin`, and nothing when there is
 * nothing new to record.
 */
export function stampTransaction(
  doc: Y.Doc,
  transaction: Y.Transaction,
  touched: ReadonlySet<string>,
  person: StampedPerson,
  origin: unknown,
): void {
  if (touched.size === 0) return;
  const claims = doc.getMap<unknown>(CLAIMS_FIELD);
  const isNew = (item: Y.Item | null) => item !== null && item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
  const stamps = doc.getMap<unknown>(AUTHORSHIP_FIELD);
  const authorship = readAuthorship(doc);
  const writes = new Map<string, unknown>();
  for (const claimId of touched) {
    const entry = claims.get(claimId);
    const creator = authorship.claimCreator(claimId);
    const contributors = authorship.contributors(claimId);
    const created = entry instanceof Y.Map && isNew(entry._item);
    if (!contributors.includes(person.id) || (created && creator === null)) {
      writes.set(claimKey(claimId), {
        by: creator ?? (created ? person : null),
        contributors: contributors.includes(person.id) ? contributors : [...contributors, person.id],
      });
    }
    if (!(entry instanceof Y.Map)) continue;
    for (const [field, keyOf, stamped] of [
      ["quotes", quoteKey, authorship.quoteAdder],
      ["comments", commentKey, authorship.commentAuthor],
    ] as const) {
      const list = entry.get(field);
      if (!(list instanceof Y.Array)) continue;
      for (let item = list._start; item !== null; item = item.right) {
        if (item.deleted || !isNew(item)) continue;
        for (const value of item.content.getContent() as unknown[]) {
          const id = (value as { id?: unknown } | null)?.id;
          if (typeof id === "string" && id.length <= 64 && stamped(claimId, id) === null) writes.set(keyOf(claimId, id), { by: person });
        }
      }
    }
  }
  if (writes.size === 0) return;
  doc.transact(() => {
    for (const [key, value] of writes) stamps.set(key, value);
  }, origin);
}

/** The id of the claim a type lies under (the key of its ancestor in the claims map), or null. */
function claimIdAbove(type: SharedType, claims: Y.Map<unknown>): string | null {
  let item = type._item;
  while (item !== null) {
    if (item.parent === claims) return item.parentSub;
    item = (item.parent as SharedType)._item;
  }
  return null;
}
