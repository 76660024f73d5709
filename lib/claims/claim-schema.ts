import * as z from "zod";
import { quoteSelectorSchema } from "../quotes/quote-selector";

/** Claim statuses. Editors move a claim between draft and needs_review; reviewers decide the rest. */
export const CLAIM_STATUSES = ["draft", "needs_review", "approved", "rejected"] as const;
export const claimStatusSchema = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

/** How a quote bears on its claim. */
export const STANCES = ["supports", "contradicts", "context"] as const;
export const stanceSchema = z.enum(STANCES);
export type Stance = z.infer<typeof stanceSchema>;

/** The wording a person sees for a stance. */
export const STANCE_TEXT: Record<Stance, string> = {
  supports: "Supports",
  contradicts: "Contradicts",
  context: "Context",
};

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const personSchema = z.object({ id: idSchema, name: z.string().min(1).max(200) });
const timeSchema = z.string().datetime();

/** A passage of a corrected source that may be a quote, for a person to choose (lib/anchoring/reanchor.ts). */
export const reanchorCandidateSchema = z.object({
  selector: quoteSelectorSchema,
  similarity: z.number().min(0).max(1),
  reasons: z.array(z.string().max(500)).max(10),
});

/**
 * What a correction of its source left for a person to settle on a quote, which keeps its old selector until
 * then (so it does not verify, and blocks publishing): `reverify`, when passages of the new text may be the
 * quote but none could be applied safely; `orphaned`, when nothing in the new text is the quote.
 */
export const quoteCorrectionSchema = z.discriminatedUnion("state", [
  z.object({
    state: z.literal("reverify"),
    revision: z.number().int().min(1),
    reason: z.string().max(500),
    candidates: z.array(reanchorCandidateSchema).min(1).max(3),
  }),
  z.object({ state: z.literal("orphaned"), revision: z.number().int().min(1), reason: z.string().max(500) }),
]);
export type QuoteCorrection = z.infer<typeof quoteCorrectionSchema>;

/** A quote from a source attached to a claim as evidence. */
export const quoteSchema = z.object({
  id: idSchema,
  sourceId: idSchema,
  selector: quoteSelectorSchema,
  stance: stanceSchema,
  note: z.string().max(2_000).default(""),
  addedBy: personSchema,
  addedAt: timeSchema,
  /**
   * The revision of the source's text the selector is measured in (lib/claims/quote-corrections.ts keeps it
   * current). Quotes attached before revisions were recorded have none.
   */
  sourceRevision: z.number().int().min(1).optional(),
  correction: quoteCorrectionSchema.optional(),
});
export type Quote = z.infer<typeof quoteSchema>;

/** A comment in a claim's thread. */
export const claimCommentSchema = z.object({
  id: idSchema,
  body: z.string().trim().min(1).max(4_000),
  author: personSchema,
  createdAt: timeSchema,
});
export type ClaimComment = z.infer<typeof claimCommentSchema>;

/**
 * A claim as it lives in the story's Y.Doc (a Y.Map per claim, read field by field); its words are marked in
 * the summary (lib/anchoring/claim-spans.ts). Anything a buggy or hostile client writes that does not
 * match is ignored by every reader of the document.
 */
export const claimSchema = z.object({
  id: idSchema,
  status: claimStatusSchema,
  createdBy: personSchema,
  createdAt: timeSchema,
  quotes: z.array(z.unknown()).max(500).default([]),
  comments: z.array(z.unknown()).max(2_000).default([]),
});

/** A claim with only its valid quotes and comments. */
export type Claim = Omit<z.infer<typeof claimSchema>, "quotes" | "comments"> & {
  quotes: Quote[];
  comments: ClaimComment[];
};
