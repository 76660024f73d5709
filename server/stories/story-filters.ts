import * as z from "zod";

/** How recently a story changed, for the story list's filter. */
export const UPDATED_WITHIN = { day: 1, week: 7, month: 30 } as const;
export type UpdatedWithin = keyof typeof UPDATED_WITHIN;

const STATUS_FILTERS = ["draft", "in_review", "published"] as const;
const idParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** One GET parameter, as Next hands it over (a repeated one is an array: the first counts); empty is none. */
function param<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === "string" && first.trim() !== "" ? first.trim() : undefined;
  }, schema.optional().catch(undefined));
}

/**
 * The story list's filters, read from the GET parameters of the newsroom's home (`/?status=draft&assignee=me&q=…`):
 * each is optional, and a value that is not one the form offers counts as absent rather than failing the page.
 * `assignee` and `reviewer` are a person's id, or "me".
 */
export const storyFiltersSchema = z.object({
  status: param(z.enum(STATUS_FILTERS)),
  assignee: param(idParam),
  reviewer: param(idParam),
  updated: param(z.enum(Object.keys(UPDATED_WITHIN) as [UpdatedWithin, ...UpdatedWithin[]])),
  q: param(z.string().max(200)),
});
export type StoryFilters = z.infer<typeof storyFiltersSchema>;

/**
 * The words of a search, as both databases' full-text engines match them: runs of letters and digits, lower
 * case, at most twenty. Every word must occur (in the story's title and summary, or in one of its sources).
 * @example searchWords("CIA's  \"Mandarin\" videos") // ["cia", "s", "mandarin", "videos"]
 */
export function searchWords(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 20);
}

/** Whether any filter is set, so that the list says "no story matches" rather than "no stories yet". */
export function isFiltered(filters: StoryFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}
