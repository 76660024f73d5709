import { ROLES, type Role } from "./roles";

/**
 * What someone can ask Corroborate to do, each with the least role that may do it. The roles are nested: a
 * reviewer may do whatever an editor may and also decide claims and publish; an admin may do everything and
 * manage people. Readers have no role and may only read published stories.
 */
const LEAST_ROLE = {
  open_workspace: "editor",
  create_story: "editor",
  import_source: "editor",
  correct_source: "editor",
  edit_summary: "editor",
  mark_claim: "editor",
  attach_quote: "editor",
  request_review: "editor",
  approve: "reviewer",
  reject: "reviewer",
  publish: "reviewer",
  manage_users: "admin",
} as const satisfies Record<string, Role>;

export type Action = keyof typeof LEAST_ROLE;

/** Every action, in the order of the table above. */
export const ACTIONS = Object.keys(LEAST_ROLE) as readonly Action[];

const RANK: Record<Role, number> = { editor: 0, reviewer: 1, admin: 2 };

/**
 * Whether a role may take an action; `null` is an anonymous reader, who may take none.
 * @example can("editor", "publish") // false
 */
export function can(role: Role | null, action: Action): boolean {
  return role !== null && RANK[role] >= RANK[LEAST_ROLE[action]];
}

/**
 * The roles that may take an action, for a database query over people (the admins who could still manage
 * people, say).
 * @example rolesThatMay("publish") // ["admin", "reviewer"]
 */
export function rolesThatMay(action: Action): Role[] {
  return ROLES.filter((role) => can(role, action));
}
