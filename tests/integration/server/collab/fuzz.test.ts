import { describe, expect, it } from "vitest";
import { CloseCode } from "@/lib/collab/close-codes";
import { fuzz } from "../../../fuzz/run-fuzz";

describe("the collaboration server under fuzzed frames", () => {
  it("stays up through 10,000 frames of seed 1: honest clients converge, memory stays bounded, every story loads", async () => {
    const summary = await fuzz({ seed: 1, frames: 10_000 });

    expect(summary.framesSent).toBe(10_000);
    expect(summary.closes[CloseCode.BadMessage]).toBeGreaterThan(1_000);
    expect(summary.closes[CloseCode.RateLimited]).toBeGreaterThan(0);
    expect(summary.closes[1009]).toBeGreaterThan(0);
    expect(Object.keys(summary.closes).length).toBeGreaterThanOrEqual(4);
  }, 120_000);
});

// The runs that found bugs, each replaying the frames that broke a check (with the options it ran with).
describe("regression seeds", () => {
  it("seed 1, frames 0–703: a struct the story already has, sent again with a neighbour it lacks, waits outside the document instead of being kept pending by Yjs and stored over the original (it put text in a claim's comment list: quarantined on load)", async () => {
    await fuzz({ seed: 1, frames: 704, checkEvery: 16 });
  }, 60_000);

  it("seed 1, frames 6144–8191: the part of a reused struct the story lacks goes after the story's struct at the clock before; a right neighbour that is not to its right is refused (honest clients had stopped converging)", async () => {
    await fuzz({ seed: 1, start: 6_144, frames: 2_048, checkEvery: 64 });
  }, 90_000);

  it("seed 1 without reused ids, frames 2048–3327: updates Yjs would keep pending (stored with the document and counted on load: more than 12 comments on a claim) wait outside the document", async () => {
    await fuzz({ seed: 1, start: 2_048, frames: 1_280, avoid: ["reused-client-ids", "presence-flood"] });
  }, 60_000);

  it("seed 2 without reused ids or pending updates, frame 3865: one presence update for 2,000 client ids sets two, so no stock client echoes it past the frame limit (closed with 1009)", async () => {
    await fuzz({ seed: 2, start: 3_865, frames: 1, avoid: ["reused-client-ids", "parked-updates"] });
  }, 60_000);

  it("seed 1, frame 6: a presence state over 16 KB is refused as malformed presence, not as an unexpected error", async () => {
    const summary = await fuzz({ seed: 1, start: 6, frames: 1, failOnUnexpectedErrors: true });
    expect(summary.reasons["4400 malformed presence: awareness state too large"]).toBe(1);
  });
});
