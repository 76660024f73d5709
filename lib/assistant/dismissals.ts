import type * as Y from "yjs";
import * as z from "zod";
import { quoteSchema } from "../claims/claim-schema";

/** The name of the Y.Map of a story's Y.Doc that holds the dismissed assistant flags, by flag id. */
export const ASSISTANT_DISMISSALS_FIELD = "assistantDismissals";

/** A flag id as the assistant makes them ("single_source:c1:3f2a…"): letters, digits, "_", "-" and ":". */
export const flagIdSchema = z.string().regex(/^[A-Za-z0-9_:-]{1,200}$/);

/** Why and by whom a flag was dismissed: the reason is trimmed and 1–500 characters. */
export const dismissalSchema = z.object({
  reason: z.string().trim().min(1).max(500),
  by: quoteSchema.shape.addedBy,
  at: z.string().datetime(),
});

/** A dismissal of an assistant flag, as kept in the story's document. */
export type Dismissal = z.infer<typeof dismissalSchema>;

/** The dismissals of a story document: flag id → { reason, by, at } as plain JSON. */
export function dismissalsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ASSISTANT_DISMISSALS_FIELD);
}

/**
 * Dismisses a flag for everyone who edits the story, with a reason; dismissing it again replaces the reason.
 * @throws ZodError for a malformed flag id, an empty or longer than 500-character reason, a malformed person or time.
 * @example dismissFlag(doc, flag.id, { reason: "NBC News is enough here", by: { id: "u1", name: "Maya" }, at: new Date().toISOString() })
 */
export function dismissFlag(doc: Y.Doc, flagId: string, dismissal: Dismissal): void {
  const id = flagIdSchema.parse(flagId);
  const valid = dismissalSchema.parse(dismissal);
  dismissalsMap(doc).set(id, { reason: valid.reason, by: { id: valid.by.id, name: valid.by.name }, at: valid.at });
}

/** Takes a flag's dismissal back, so the flag shows again; does nothing when it was not dismissed. */
export function restoreFlag(doc: Y.Doc, flagId: string): void {
  dismissalsMap(doc).delete(flagId);
}

/**
 * The valid dismissals of a story document by flag id. An entry whose id or value does not match the
 * schema (written by a buggy or hostile client) is left out, so it neither hides a flag nor shows a bad reason.
 */
export function readDismissals(doc: Y.Doc): Map<string, Dismissal> {
  const dismissals = new Map<string, Dismissal>();
  dismissalsMap(doc).forEach((value, key) => {
    const parsed = dismissalSchema.safeParse(value);
    if (parsed.success && flagIdSchema.safeParse(key).success) dismissals.set(key, parsed.data);
  });
  return dismissals;
}
