import { z } from "zod";

const perspectivesSchema = z.array(z.string().trim().min(1).max(2_000)).max(200);

/**
 * The Perspectives list of a story as stored (a JSON array of strings); anything else reads as no list.
 * @example readPerspectives('["One view."]') // ["One view."]
 */
export function readPerspectives(stored: string): string[] {
  try {
    return perspectivesSchema.catch([]).parse(JSON.parse(stored));
  } catch {
    return [];
  }
}

/**
 * A story's Perspectives with those of another imported page added after them, each one kept once.
 * @example mergePerspectives(["A."], ["A.", "B."]) // ["A.", "B."]
 */
export function mergePerspectives(existing: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...existing, ...added.map((perspective) => perspective.trim()).filter(Boolean)])].slice(0, 200);
}
