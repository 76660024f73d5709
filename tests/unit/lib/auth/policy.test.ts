import { describe, expect, it } from "vitest";
import { ACTIONS, can, rolesThatMay } from "@/lib/auth/policy";
import { ROLES } from "@/lib/auth/roles";

// The rules of the newsroom as people say them, not the policy's table copied out: a change to the table that
// breaks one of these sentences fails here.
describe("can", () => {
  it("lets an anonymous reader do nothing", () => {
    expect(ACTIONS.filter((action) => can(null, action))).toEqual([]);
  });

  it("lets an admin do everything", () => {
    expect(ACTIONS.filter((action) => !can("admin", action))).toEqual([]);
  });

  it("nests the roles: a reviewer may do whatever an editor may, an admin whatever a reviewer may", () => {
    for (const action of ACTIONS) {
      if (can("editor", action)) expect(can("reviewer", action), action).toBe(true);
      if (can("reviewer", action)) expect(can("admin", action), action).toBe(true);
    }
  });

  it("lets every newsroom role open a story's workspace and write its draft", () => {
    for (const role of ROLES) {
      for (const action of ["open_workspace", "create_story", "edit_summary", "mark_claim", "attach_quote"] as const) {
        expect(can(role, action), `${role} ${action}`).toBe(true);
      }
    }
  });

  it("keeps deciding claims and publishing from editors: the four-eyes rule needs a reviewer", () => {
    for (const action of ["approve", "reject", "publish"] as const) {
      expect(can("editor", action), action).toBe(false);
      expect(can("reviewer", action), action).toBe(true);
    }
  });

  it("lets only admins manage people", () => {
    expect(rolesThatMay("manage_users")).toEqual(["admin"]);
  });
});

describe("rolesThatMay", () => {
  it("names the roles for which can says yes", () => {
    for (const action of ACTIONS) {
      expect(rolesThatMay(action)).toEqual(ROLES.filter((role) => can(role, action)));
    }
  });

  it("names every role for opening the workspace", () => {
    expect(rolesThatMay("open_workspace")).toEqual([...ROLES]);
  });
});
