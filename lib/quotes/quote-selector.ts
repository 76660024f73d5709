import * as z from "zod";

/** Characters of context kept on each side of a quote. */
export const QUOTE_CONTEXT_LENGTH = 32;

/**
 * Where a quote sits in its source's text, as a W3C Web Annotation TextQuoteSelector (exact, prefix, suffix)
 * combined with a TextPositionSelector (start, end offsets in the source's normalised text).
 */
export const quoteSelectorSchema = z
  .object({
    exact: z.string().min(1).max(5_000),
    prefix: z.string().max(QUOTE_CONTEXT_LENGTH),
    suffix: z.string().max(QUOTE_CONTEXT_LENGTH),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((selector) => selector.end > selector.start, "end must come after start");

export type QuoteSelector = z.infer<typeof quoteSelectorSchema>;

/** Thrown when a range is not a non-empty range of the source text. */
export class QuoteRangeError extends Error {
  override name = "QuoteRangeError";
}

/**
 * The selector of the range [start, end) of a source's text, with up to 32 characters of context each side.
 * @throws QuoteRangeError for an empty or out-of-range range, or one that is only whitespace.
 * @example createQuoteSelector("The CIA released two videos.", 8, 16)
 *   // { exact: "released", prefix: "The CIA ", suffix: " two videos.", start: 8, end: 16 }
 */
export function createQuoteSelector(sourceText: string, start: number, end: number): QuoteSelector {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= sourceText.length)) {
    throw new QuoteRangeError(`range ${start}–${end} is not a non-empty range of the source text`);
  }
  const exact = sourceText.slice(start, end);
  if (exact.trim().length === 0) throw new QuoteRangeError("a quote cannot be only whitespace");
  return {
    exact,
    prefix: sourceText.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
    suffix: sourceText.slice(end, end + QUOTE_CONTEXT_LENGTH),
    start,
    end,
  };
}
