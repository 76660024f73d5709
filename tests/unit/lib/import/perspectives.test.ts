import { describe, expect, it } from "vitest";
import { parseAggregatorPage } from "@/lib/import/aggregator-page";
import { mergePerspectives, readPerspectives } from "@/lib/import/perspectives";
import { seedFile } from "../../../support/seed-files";

const SEED = parseAggregatorPage(seedFile("000")).perspectives;

describe("perspectives", () => {
  it("round-trips the seed page's three perspectives and adds a second page's once", () => {
    const stored = JSON.stringify(mergePerspectives([], SEED));
    expect(readPerspectives(stored)).toEqual(SEED);
    expect(mergePerspectives(readPerspectives(stored), [...SEED, "  A new view.  "])).toEqual([...SEED, "A new view."]);
  });

  it("keeps the valid entries of a damaged list instead of losing them all", () => {
    expect(readPerspectives(JSON.stringify([SEED[0], 42, "", "x".repeat(2_001), SEED[1]]))).toEqual([SEED[0], SEED[1]]);
    expect(readPerspectives("not json")).toEqual([]);
    expect(readPerspectives('{"a":1}')).toEqual([]);
  });

  it("cuts an over-long perspective to what a story keeps, so the stored list always reads back", () => {
    const merged = mergePerspectives([], ["y".repeat(5_000)]);
    expect(merged[0]).toHaveLength(2_000);
    expect(readPerspectives(JSON.stringify(merged))).toEqual(merged);
  });
});
