import * as Y from "yjs";
import * as z from "zod";

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

const claimStampSchema = z.object({
  by: personSchema.nullable(),
  contributors: z.array(z.string().max(64)).max(1_000),
});
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

/** The keys of the stamps: a claim's, a quote's and a comment's. */
export const authorshipKey = {
  claim: (claimId: string) => `claim:${claimId}`,
  quote: (claimId: string, quoteId: string) => `quote:${claimId}:${quoteId}`,
  comment: (claimId: string, commentId: string) => `comment:${claimId}:${commentId}`,
};

/** The authorship stamps of a story document; entries that do not match their schema are ignored. */
export function readAuthorship(doc: Y.Doc): Authorship {
  const stamps = doc.getMap<unknown>(AUTHORSHIP_FIELD);
  const claim = (claimId: string) => {
    const parsed = claimStampSchema.safeParse(stamps.get(authorshipKey.claim(claimId)));
    return parsed.success ? parsed.data : null;
  };
  const item = (key: string) => {
    const parsed = itemStampSchema.safeParse(stamps.get(key));
    return parsed.success ? parsed.data.by : null;
  };
  return {
    claimCreator: (claimId) => claim(claimId)?.by ?? null,
    contributors: (claimId) => claim(claimId)?.contributors ?? [],
    quoteAdder: (claimId, quoteId) => item(authorshipKey.quote(claimId, quoteId)),
    commentAuthor: (claimId, commentId) => item(authorshipKey.comment(claimId, commentId)),
  };
}
