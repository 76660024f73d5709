import * as Y from "yjs";
import type * as z from "zod";
import { unmarkClaimSpan } from "../anchoring/claim-spans";
import { readAuthorship } from "../story-doc/authorship";
import {
  claimCommentSchema,
  claimSchema,
  quoteSchema,
  type Claim,
  type ClaimComment,
  type ClaimStatus,
  type Quote,
} from "./claim-schema";

/** The name of the Y.Map of a story's Y.Doc that holds its claims, by id. */
export const CLAIMS_FIELD = "claims";

/** The claims of a story document, by id: each a Y.Map with a Y.Array of quotes and one of comments. */
export function claimsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(CLAIMS_FIELD);
}

/** Someone acting on the document. */
export interface Actor {
  id: string;
  name: string;
}

/**
 * The valid claims of a story document, oldest first. An entry that does not match the claim schema is
 * left out, and so is any quote or comment inside a claim that does not match its own schema, so that a
 * malformed entry written by a buggy or hostile client is never rendered. Who created a claim, attached a
 * quote or wrote a comment is the server's stamp (lib/story-doc/authorship.ts) where there is one; the
 * names a client wrote count only for what is older than the stamps. Each field is read on its own
 * (never the whole entry with toJSON, which recurses into whatever a client nested inside it), and a shared
 * type where the schema expects a plain value makes that claim, quote or comment invalid: never throws.
 */
export function readClaims(doc: Y.Doc): Claim[] {
  const claims: Claim[] = [];
  const authorship = readAuthorship(doc);
  claimsMap(doc).forEach((value, key) => {
    if (!(value instanceof Y.Map)) return;
    const parsed = claimSchema.safeParse({
      id: value.get("id"),
      status: value.get("status"),
      createdBy: value.get("createdBy"),
      createdAt: value.get("createdAt"),
      quotes: itemsOf(value.get("quotes")),
      comments: itemsOf(value.get("comments")),
    });
    if (!parsed.success || parsed.data.id !== key) return;
    claims.push({
      ...parsed.data,
      createdBy: authorship.claimCreator(key) ?? parsed.data.createdBy,
      quotes: validItems(parsed.data.quotes, quoteSchema).map((quote) => ({
        ...quote,
        addedBy: authorship.quoteAdder(key, quote.id) ?? quote.addedBy,
      })),
      comments: validItems(parsed.data.comments, claimCommentSchema).map((comment) => ({
        ...comment,
        author: authorship.commentAuthor(key, comment.id) ?? comment.author,
      })),
    });
  });
  return claims.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The items of a claim's quotes or comments: a Y.Array's items, or the value as it is for the schema to judge. */
function itemsOf(list: unknown): unknown {
  return list instanceof Y.Array ? list.toArray() : list;
}

function validItems<T>(items: readonly unknown[], schema: z.ZodType<T>): T[] {
  return items.flatMap((item) => {
    // A quote or comment is stored as JSON; a shared type in its place is a forgery, whatever it holds.
    if (item instanceof Y.AbstractType) return [];
    const valid = schema.safeParse(item);
    return valid.success ? [valid.data] : [];
  });
}

/**
 * Adds a draft claim. Its words are marked separately (the editor's claim mark, or markClaimSpan); until
 * then, or once they are all deleted, the claim is detached.
 */
export function createClaim(doc: Y.Doc, claim: { id: string; by: Actor; at: Date }): void {
  doc.transact(() => {
    const entry = new Y.Map<unknown>();
    entry.set("id", claim.id);
    entry.set("status", "draft" satisfies ClaimStatus);
    entry.set("createdBy", { id: claim.by.id, name: claim.by.name });
    entry.set("createdAt", claim.at.toISOString());
    entry.set("quotes", new Y.Array<unknown>());
    entry.set("comments", new Y.Array<unknown>());
    claimsMap(doc).set(claim.id, entry);
  });
}

/**
 * Deletes a claim: its entry (with its quotes and thread) and its mark on the summary's words, which stay.
 * Decisions recorded on the server about it stay in the audit trail. Does nothing for an unknown claim.
 */
export function deleteClaim(doc: Y.Doc, claimId: string): void {
  doc.transact(() => {
    unmarkClaimSpan(doc, claimId);
    claimsMap(doc).delete(claimId);
  });
}

/** Thrown when an operation names a claim or a transition that does not exist. */
export class ClaimOperationError extends Error {
  override name = "ClaimOperationError";
}

const EDITOR_TRANSITIONS: Record<ClaimStatus, ClaimStatus[]> = {
  draft: ["needs_review"],
  needs_review: ["draft"],
  approved: [],
  rejected: [],
};

/**
 * Moves a claim between draft and needs review (the editor's side of the workflow).
 * @throws ClaimOperationError for an unknown claim or a transition editors may not make.
 */
export function setClaimStatusAsEditor(doc: Y.Doc, claimId: string, status: ClaimStatus): void {
  const entry = claimEntry(doc, claimId);
  const current = claimSchema.shape.status.safeParse(entry.get("status"));
  if (!current.success || !EDITOR_TRANSITIONS[current.data].includes(status)) {
    throw new ClaimOperationError(`an editor cannot move a claim from ${String(entry.get("status"))} to ${status}`);
  }
  entry.set("status", status);
}

/**
 * Appends a quote to a claim after validating it.
 * @throws ClaimOperationError for an unknown claim; ZodError for a malformed quote.
 */
export function addQuote(doc: Y.Doc, claimId: string, quote: Quote): void {
  const valid = quoteSchema.parse(quote);
  arrayOf(claimEntry(doc, claimId), "quotes").push([valid]);
}

/** Removes a quote from a claim by id; does nothing when the quote is not there. */
export function removeQuote(doc: Y.Doc, claimId: string, quoteId: string): void {
  const quotes = arrayOf(claimEntry(doc, claimId), "quotes");
  const index = quotes.toArray().findIndex((quote) => (quote as { id?: unknown } | null)?.id === quoteId);
  if (index !== -1) quotes.delete(index, 1);
}

/**
 * Replaces a quote of a claim by what `update` makes of it, in place, after validating the result.
 * @throws ClaimOperationError for an unknown claim or quote; ZodError for a malformed result.
 */
export function updateQuote(doc: Y.Doc, claimId: string, quoteId: string, update: (quote: Quote) => Quote): void {
  const quotes = arrayOf(claimEntry(doc, claimId), "quotes");
  const index = quotes.toArray().findIndex((quote) => (quote as { id?: unknown } | null)?.id === quoteId);
  const current = quoteSchema.safeParse(quotes.get(index));
  if (index === -1 || !current.success) throw new ClaimOperationError(`claim ${claimId} has no quote ${quoteId}`);
  const next = quoteSchema.parse(update(current.data));
  doc.transact(() => {
    quotes.delete(index, 1);
    quotes.insert(index, [next]);
  });
}

/**
 * Appends a comment to a claim's thread after validating it.
 * @throws ClaimOperationError for an unknown claim; ZodError for an empty or oversized comment.
 */
export function addComment(doc: Y.Doc, claimId: string, comment: ClaimComment): void {
  const valid = claimCommentSchema.parse(comment);
  arrayOf(claimEntry(doc, claimId), "comments").push([valid]);
}

function claimEntry(doc: Y.Doc, claimId: string): Y.Map<unknown> {
  const entry = claimsMap(doc).get(claimId);
  if (!(entry instanceof Y.Map)) throw new ClaimOperationError(`no claim ${claimId}`);
  return entry;
}

function arrayOf(entry: Y.Map<unknown>, field: "quotes" | "comments"): Y.Array<unknown> {
  const array = entry.get(field);
  if (array instanceof Y.Array) return array;
  throw new ClaimOperationError(`claim ${String(entry.get("id"))} has no ${field} list`);
}
