import { describe, expect, it } from "vitest";
import { databaseProvider, databaseUrlSchema, EMBEDDED_DATABASE_URL } from "@/server/db/database-url";

describe("DATABASE_URL", () => {
  it("names SQLite with file: and PostgreSQL with postgresql:// or postgres://", () => {
    expect(databaseProvider("file:./data/corroborate.db")).toBe("sqlite");
    expect(databaseProvider("postgresql://corroborate:secret@db.internal:5432/corroborate")).toBe("postgresql");
    expect(databaseProvider("postgres://postgres@127.0.0.1/corroborate")).toBe("postgresql");
  });

  it("refuses any other kind, saying which are accepted", () => {
    expect(() => databaseProvider("mysql://root@127.0.0.1/corroborate")).toThrow(
      /SQLite file URL .* or a PostgreSQL URL/,
    );
    expect(() => databaseProvider("./data/corroborate.db")).toThrow(/DATABASE_URL must be/);
    const parsed = databaseUrlSchema.safeParse("mysql://root@127.0.0.1/corroborate");
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/postgresql:\/\/user:password@host:5432\/corroborate/);
  });

  it("is the embedded SQLite file when unset", () => {
    expect(databaseUrlSchema.parse(undefined)).toBe(EMBEDDED_DATABASE_URL);
    expect(databaseProvider(EMBEDDED_DATABASE_URL)).toBe("sqlite");
  });
});
