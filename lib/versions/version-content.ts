import * as z from "zod";
import { stanceSchema } from "../claims/claim-schema";
import { biasLabelSchema } from "../import/bias-label";
import { quoteSelectorSchema } from "../quotes/quote-selector";
import { verdictSchema } from "../review/review-state";

const personSchema = z.object({ id: z.string(), name: z.string() });

/**
 * What a published version holds, as stored in Version.content: the summary, every claim with its span in
 * the summary, its quotes and who approved it, and the metadata and content hash of every quoted source.
 * A quote's selector is the one the server recomputed from its source's text when publishing, never the live
 * draft's. Readers are rendered from this alone, never from the live draft.
 */
export const versionContentSchema = z.object({
  summary: z.string(),
  claims: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      verdict: verdictSchema,
      approvedBy: personSchema,
      approvedAt: z.string(),
      quotes: z.array(
        z.object({
          id: z.string(),
          sourceId: z.string(),
          selector: quoteSelectorSchema,
          stance: stanceSchema,
          note: z.string(),
        }),
      ),
    }),
  ),
  sources: z.array(
    z.object({
      id: z.string(),
      outlet: z.string().nullable(),
      url: z.string().nullable(),
      headline: z.string().nullable(),
      author: z.string().nullable(),
      publishedAt: z.string().nullable(),
      statedAge: z.string().nullable(),
      reliabilityLabel: z.string().nullable(),
      biasLabel: biasLabelSchema,
      contentHash: z.string(),
    }),
  ),
});

export type VersionContent = z.infer<typeof versionContentSchema>;
