import type { Role } from "./roles";

/** What someone can ask Corroborate to do. */
export const ACTIONS = [
  "open_workspace",
  "create_story",
  "import_source",
  "correct_source",
  "edit_summary",
  "mark_claim",
  "attach_quote",
  "request_review",
  "approve",
  "reject",
  "publish",
  "manage_users",
] as const;

export type Action = (typeof ACTIONS)[number];

const EDITOR_ACTIONS: readonly Action[] = [
  "open_workspace",
  "create_story",
  "import_source",
  "correct_source",
  "edit_summary",
  "mark_claim",
  "attach_quote",
  "request_review",
];
const REVIEWER_ACTIONS: readonly Action[] = [...EDITOR_ACTIONS, "approve", "reject", "publish"];

/**
 * Whether a role may take an action; `null` is an anonymous reader, who may only read published stories.
 * Editors write drafts; reviewers also decide claims and publish; admins may do everything and manage users.
 * @example can("editor", "publish") // false
 */
export function can(role: Role | null, action: Action): boolean {
  switch (role) {
    case "admin":
      return true;
    case "reviewer":
      return REVIEWER_ACTIONS.includes(action);
    case "editor":
      return EDITOR_ACTIONS.includes(action);
    case null:
      return false;
  }
}
