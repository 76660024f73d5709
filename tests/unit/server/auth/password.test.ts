import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { hashPassword, UNKNOWN_ACCOUNT_HASH, verifyPassword } from "@/server/auth/password";

describe("UNKNOWN_ACCOUNT_HASH", () => {
  it("costs as many rounds as a stored hash, so an unknown email takes as long to refuse as a wrong password", async () => {
    const stored = await hashPassword("corroborate");
    expect(bcrypt.getRounds(UNKNOWN_ACCOUNT_HASH)).toBe(bcrypt.getRounds(stored));
    expect(bcrypt.getSalt(UNKNOWN_ACCOUNT_HASH)).toHaveLength(bcrypt.getSalt(stored).length);
  });

  it("matches no password", async () => {
    for (const password of ["", "corroborate", "invalid"])
      expect(await verifyPassword(password, UNKNOWN_ACCOUNT_HASH)).toBe(false);
  });
});
