import { describe, expect, it } from "vitest";
import { groupCommit, logRowId, type LogRow, type RowOutcomes } from "@/server/collab/persistence";

const update = (n: number) => Uint8Array.of(n);

/** A write that records each group it was given and answers with `answer` (every row written by default). */
function recordingWrite(
  answer: (rows: readonly LogRow[]) => Promise<RowOutcomes> = async (rows) => rows.map(() => undefined),
) {
  const groups: number[][] = [];
  const write = (rows: readonly LogRow[]) => {
    groups.push(rows.map((row) => row.update[0]!));
    return answer(rows);
  };
  return { groups, write };
}

describe("the log's group commit", () => {
  it("writes the appends of one turn together, and those made while a write runs in the next", async () => {
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const { groups, write } = recordingWrite(async (rows) => {
      if (groups.length === 1) await first;
      return rows.map(() => undefined);
    });
    const append = groupCommit(write);
    const early = [1, 2, 3].map((n) => append("story-a", update(n)));
    await new Promise((resolve) => setImmediate(resolve));
    const late = [4, 5].map((n) => append(n === 4 ? "story-b" : "story-a", update(n)));
    release();
    await Promise.all([...early, ...late]);
    expect(groups).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it("fails every append of a write that fails, once, without writing row by row", async () => {
    const { groups, write } = recordingWrite(async () => {
      throw new Error("database is locked");
    });
    const append = groupCommit(write);
    const results = await Promise.allSettled([1, 2, 3].map((n) => append("story-a", update(n))));
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(groups).toEqual([[1, 2, 3]]);
  });

  it("fails only the rows the write says failed", async () => {
    const { write } = recordingWrite(async (rows) =>
      rows.map((row) => (row.storyId === "deleted" ? new Error("story deleted does not exist") : undefined)),
    );
    const append = groupCommit(write);
    const results = await Promise.allSettled([
      append("story-a", update(1)),
      append("deleted", update(2)),
      append("story-a", update(3)),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });

  it("never counts a failure without an error as written", async () => {
    const append = groupCommit(async () => Promise.reject(undefined));
    await expect(append("story-a", update(1))).rejects.toThrow("appending to the log failed");
  });

  it("fails the appends of a write that does not answer in time, and goes on with the next", async () => {
    let calls = 0;
    const append = groupCommit(async (rows) => {
      calls += 1;
      if (calls === 1) return new Promise<RowOutcomes>(() => undefined);
      return rows.map(() => undefined);
    }, 30);
    await expect(append("story-a", update(1))).rejects.toThrow("did not answer within 30 ms");
    await expect(append("story-a", update(2))).resolves.toBeUndefined();
  });
});

describe("a log row's id", () => {
  it("sorts by when the row was made and is unique", async () => {
    const earlier = Array.from({ length: 500 }, () => logRowId());
    await new Promise((resolve) => setTimeout(resolve, 2));
    const later = Array.from({ length: 500 }, () => logRowId());
    expect(new Set([...earlier, ...later]).size).toBe(1000);
    const newestEarlier = [...earlier].sort().at(-1)!;
    expect(later.every((id) => id > newestEarlier)).toBe(true);
  });
});
