import { afterEach, describe, expect, it, vi } from "vitest";
import { repeatWithoutOverlap } from "@/server/background/repeat";

afterEach(() => vi.useRealTimers());

describe("a repeated background task", () => {
  it("skips a turn while the last run is still under way, logs a failure and goes on, and stops", async () => {
    vi.useFakeTimers();
    const errors: unknown[][] = [];
    let runs = 0;
    let finish!: () => void;
    const stop = repeatWithoutOverlap(
      () => {
        runs += 1;
        if (runs === 1) return new Promise<void>((resolve) => (finish = resolve));
        return Promise.reject(new Error("database is locked"));
      },
      100,
      "The sweep failed",
      { error: (...args: unknown[]) => errors.push(args) },
    );
    await vi.advanceTimersByTimeAsync(350);
    expect(runs).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(2);
    expect(errors).toEqual([["The sweep failed", new Error("database is locked")]]);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(3);
    stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(3);
  });
});
