import * as z from "zod";

/** The newsroom roles a signed-in user can hold. Readers are anonymous and have no role. */
export const ROLES = ["admin", "editor", "reviewer"] as const;

/** Validates a role read from the database, a session or a token. */
export const roleSchema = z.enum(ROLES);

export type Role = z.infer<typeof roleSchema>;
