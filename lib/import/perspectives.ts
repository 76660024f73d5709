import * as z from "zod";

/** The most perspectives a story keeps, and the longest one. */
const MAX_PERSPECTIVES = 200;
const MAX_PERSPECTIVE_LENGTH = 2_000;

const perspectiveSchema = z.string().trim().min(1).max(MAX_PERSPECTIVE_LENGTH);

/**
 * The Perspectives list of a story as stored (a JSON array of strings); entries that are not such strings are
 * left out, and anything that is not an array reads as no list.
 * @example readPerspectives('["One view.", 3]') // ["One view."]
 */
export function readPerspectives(stored: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((entry) => {
    const perspective = perspectiveSchema.safeParse(entry);
    return perspective.success ? [perspective.data] : [];
  });
}

/**
 * A story's Perspectives with those of another imported page added after them, each one kept once, each cut to
 * the length a story keeps (2,000 characters), at most 200.
 * @example mergePerspectives(["A."], ["A.", "B."]) // ["A.", "B."]
 */
export function mergePerspectives(existing: readonly string[], added: readonly string[]): string[] {
  const perspectives = [...existing, ...added]
    .map((perspective) => perspective.trim().slice(0, MAX_PERSPECTIVE_LENGTH).trim())
    .filter((perspective) => perspective.length > 0);
  return [...new Set(perspectives)].slice(0, MAX_PERSPECTIVES);
}
