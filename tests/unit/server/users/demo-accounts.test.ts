import { describe, expect, it } from "vitest";
import { demoSeedAllowed } from "@/server/users/demo-accounts";

describe("where the demo newsroom is seeded", () => {
  it("is seeded on the embedded SQLite default unless DEMO=0", () => {
    expect(demoSeedAllowed({ provider: "sqlite", nodeEnv: undefined, demo: undefined })).toBe(true);
    expect(demoSeedAllowed({ provider: "sqlite", nodeEnv: "production", demo: undefined })).toBe(true);
    expect(demoSeedAllowed({ provider: "sqlite", nodeEnv: undefined, demo: "0" })).toBe(false);
  });

  it("is seeded on PostgreSQL only with DEMO=1, and never in production", () => {
    expect(demoSeedAllowed({ provider: "postgresql", nodeEnv: undefined, demo: undefined })).toBe(false);
    expect(demoSeedAllowed({ provider: "postgresql", nodeEnv: "development", demo: "1" })).toBe(true);
    expect(demoSeedAllowed({ provider: "postgresql", nodeEnv: "production", demo: "1" })).toBe(false);
    expect(demoSeedAllowed({ provider: "postgresql", nodeEnv: "production", demo: undefined })).toBe(false);
  });
});
