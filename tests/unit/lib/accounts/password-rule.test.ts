import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "@/lib/accounts/password-rule";

describe("the password rule", () => {
  it("accepts 12 characters or more", () => {
    expect(passwordProblem("a".repeat(MIN_PASSWORD_LENGTH))).toBeNull();
    expect(passwordProblem("correct horse battery staple")).toBeNull();
  });

  it("refuses fewer than 12 characters, counting characters rather than UTF-16 units", () => {
    expect(passwordProblem("corroborate")).toMatch(/at least 12 characters/);
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(passwordProblem("😀".repeat(11))).toMatch(/at least 12/);
  });

  it("refuses a password of only spaces", () => {
    expect(passwordProblem(" ".repeat(20))).toMatch(/only spaces/);
  });

  it("refuses more than 72 bytes (bcrypt would ignore the rest)", () => {
    expect(passwordProblem("a".repeat(72))).toBeNull();
    expect(passwordProblem("a".repeat(73))).toMatch(/at most 72 bytes/);
    expect(passwordProblem("é".repeat(37))).toMatch(/at most 72 bytes/);
  });
});
