import { z } from "zod";

/** The newsroom roles a signed-in user can hold. Readers are anonymous and have no role. */
export const ROLES = ["admin", "editor", "reviewer"] as const;

/** Validates a role read from the database, a session or a token. */
export const roleSchema = z.enum(ROLES);

export type Role = z.infer<typeof roleSchema>;

/** Whether a role may open a story's workspace and edit its live draft (editors, reviewers and admins). */
export function canEditStory(role: Role | null | undefined): role is Role {
  return role === "editor" || role === "reviewer" || role === "admin";
}
