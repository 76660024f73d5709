import * as Y from "yjs";
import { AUTHORSHIP_FIELD, authorshipKey, readAuthorship, type StampedPerson } from "../story-doc/authorship";
import { claimCommentSchema } from "./claim-schema";
import { CLAIMS_FIELD } from "./story-claims";

/** Any shared type of a Y.Doc. */
type SharedType = NonNullable<ReturnType<Y.Doc["share"]["get"]>>;

/**
 * The claims a transaction touched in any way: a key of the claims map set or deleted (an entry created,
 * replaced or deleted), or any change inside an entry (a field set, a list replaced, an item inserted or
 * deleted, nested types created with it). Run it after the transaction (in `afterTransaction`).
 */
export function claimsTouchedBy(doc: Y.Doc, transaction: Y.Transaction): Set<string> {
  const touched = new Set<string>();
  // Read, not defined: a story without claims keeps no claims map (lib/story-doc/schema.ts, StoryDoc).
  const claims = doc.share.get(CLAIMS_FIELD);
  if (claims === undefined) return touched;
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
  const stamps = doc.getMap<unknown>(AUTHORSHIP_FIELD);
  const authorship = readAuthorship(doc);
  const writes = new Map<string, unknown>();
  for (const claimId of touched) {
    const entry = claims.get(claimId);
    const creator = authorship.claimCreator(claimId);
    const contributors = authorship.contributors(claimId);
    const created = entry instanceof Y.Map && createdIn(transaction, entry._item);
    if (!contributors.includes(person.id) || (created && creator === null)) {
      writes.set(authorshipKey.claim(claimId), {
        by: creator ?? (created ? person : null),
        contributors: contributors.includes(person.id) ? contributors : [...contributors, person.id],
      });
    }
    if (!(entry instanceof Y.Map)) continue;
    for (const [field, keyOf, stamped] of [
      ["quotes", authorshipKey.quote, authorship.quoteAdder],
      ["comments", authorshipKey.comment, authorship.commentAuthor],
    ] as const) {
      const list = entry.get(field);
      if (!(list instanceof Y.Array)) continue;
      for (let item = list._start; item !== null; item = item.right) {
        if (item.deleted || !createdIn(transaction, item)) continue;
        for (const value of item.content.getContent() as unknown[]) {
          const id = (value as { id?: unknown } | null)?.id;
          if (typeof id === "string" && id.length <= 64 && stamped(claimId, id) === null)
            writes.set(keyOf(claimId, id), { by: person });
        }
      }
    }
  }
  if (writes.size === 0) return;
  doc.transact(() => {
    for (const [key, value] of writes) stamps.set(key, value);
  }, origin);
}

/** A comment a transaction added to a claim's thread. */
export interface AddedComment {
  claimId: string;
  commentId: string;
  body: string;
}

/**
 * The comments a transaction added to the threads of the claims it touched (claimsTouchedBy) that have no
 * author yet: run it before stampTransaction, so that an entry replaced with its old comments adds none.
 * Only comments that match the comment schema count.
 */
export function commentsAddedIn(doc: Y.Doc, transaction: Y.Transaction, touched: ReadonlySet<string>): AddedComment[] {
  const claims = doc.getMap<unknown>(CLAIMS_FIELD);
  const authorship = readAuthorship(doc);
  const added: AddedComment[] = [];
  for (const claimId of touched) {
    const entry = claims.get(claimId);
    const list = entry instanceof Y.Map ? entry.get("comments") : null;
    if (!(list instanceof Y.Array)) continue;
    for (let item = list._start; item !== null; item = item.right) {
      if (item.deleted || !createdIn(transaction, item)) continue;
      for (const value of item.content.getContent() as unknown[]) {
        const comment = claimCommentSchema.safeParse(value);
        if (comment.success && authorship.commentAuthor(claimId, comment.data.id) === null)
          added.push({ claimId, commentId: comment.data.id, body: comment.data.body });
      }
    }
  }
  return added;
}

/** Whether a struct was created by the transaction (its clock is past the client's clock before it). */
export function createdIn(transaction: Y.Transaction, item: Y.Item | null): boolean {
  return item !== null && item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}

/** The id of the claim a type lies under (the key of its ancestor in the claims map), or null. */
function claimIdAbove(type: SharedType, claims: SharedType): string | null {
  let item = type._item;
  while (item !== null) {
    if (item.parent === claims) return item.parentSub;
    item = (item.parent as SharedType)._item;
  }
  return null;
}
