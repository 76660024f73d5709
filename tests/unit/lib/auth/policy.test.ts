import { describe, expect, it } from "vitest";
import { ACTIONS, can, type Action } from "@/lib/auth/policy";
import type { Role } from "@/lib/auth/roles";

// The whole role × action table, written out so that a change to the policy has to change this test too.
const TABLE: Record<"reader" | Role, Action[]> = {
  reader: [],
  editor: [
    "open_workspace",
    "create_story",
    "import_source",
    "correct_source",
    "edit_summary",
    "mark_claim",
    "attach_quote",
    "request_review",
  ],
  reviewer: [
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
  ],
  admin: [...ACTIONS],
};

describe("can", () => {
  for (const [who, allowed] of Object.entries(TABLE)) {
    for (const action of ACTIONS) {
      const expected = allowed.includes(action);
      it(`${who} ${expected ? "may" : "may not"} ${action}`, () => {
        expect(can(who === "reader" ? null : (who as Role), action)).toBe(expected);
      });
    }
  }
});
