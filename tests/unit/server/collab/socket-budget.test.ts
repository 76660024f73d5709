import { describe, expect, it } from "vitest";
import { SocketBudget } from "@/server/collab/limits";

describe("SocketBudget", () => {
  it("gives each rate its burst, then refills each at its own pace up to its capacity", () => {
    let now = 1_000;
    const budget = new SocketBudget(
      [
        { capacity: 3, perSecond: 1 },
        { capacity: 100, perSecond: 50 },
      ],
      () => now,
    );
    expect([budget.take(0), budget.take(0), budget.take(0), budget.take(0)]).toEqual([true, true, true, false]);
    expect(budget.take(1, 100)).toBe(true);
    expect(budget.take(1)).toBe(false);
    now += 500; // half a token of the first rate, 25 of the second
    expect(budget.take(0)).toBe(false);
    expect(budget.take(1, 25)).toBe(true);
    expect(budget.take(1)).toBe(false);
    now += 10_000; // far beyond both capacities
    expect([budget.take(0), budget.take(0), budget.take(0), budget.take(0)]).toEqual([true, true, true, false]);
    expect(budget.take(1, 101)).toBe(false);
    expect(budget.take(1, 100)).toBe(true);
  });

  it("remembers since when the send buffer is full", () => {
    const budget = new SocketBudget([{ capacity: 1, perSecond: 1 }]);
    expect(budget.fullSince).toBeNull();
    budget.fullSince = 42;
    expect(budget.fullSince).toBe(42);
    budget.fullSince = null;
    expect(budget.fullSince).toBeNull();
  });
});
