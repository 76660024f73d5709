import { describe, expect, it } from "vitest";
import type { AssistClaimInput } from "@/lib/assistant/assistance";
import { claimCoverage, leanOf } from "@/lib/assistant/coverage";
import { demoSources } from "../../../fixtures/assistant/seed-story";

const sources = new Map(demoSources.map((source) => [source.id, source]));
const quote = (sourceId: string, stance: AssistClaimInput["quotes"][number]["stance"] = "supports") => {
  const text = sources.get(sourceId)?.text ?? "";
  return { id: `q-${sourceId}-${stance}`, sourceId, exact: text.slice(0, 40), start: 0, end: 40, stance };
};

describe("claim coverage", () => {
  it("reads the lean of each bias label", () => {
    expect([
      leanOf("left"),
      leanOf("leans_left"),
      leanOf("center"),
      leanOf("leans_right"),
      leanOf("right"),
      leanOf("unknown"),
    ]).toEqual(["left", "left", null, "right", "right", null]);
  });

  it("counts distinct outlets among supporting quotes only, one outlet for an article and its card", () => {
    const coverage = claimCoverage(
      [quote("004"), quote("card-4"), quote("001", "contradicts"), quote("002", "context")],
      sources,
    );
    expect(coverage).toEqual({
      outlets: [{ outlet: "NBC News", biasLabel: "center", sourceIds: ["004", "card-4"] }],
      distinctOutlets: 1,
      singleSource: true,
      oneSided: false,
    });
  });

  it("is one-sided when every supporting outlet of the demo leans left, and not with a center or unknown one", () => {
    expect(claimCoverage([quote("card-1"), quote("card-2"), quote("card-3")], sources)).toMatchObject({
      distinctOutlets: 3,
      singleSource: false,
      oneSided: true,
    });
    expect(claimCoverage([quote("card-2")], sources)).toMatchObject({ singleSource: true, oneSided: true });
    expect(claimCoverage([quote("card-1"), quote("card-4")], sources).oneSided).toBe(false);
    expect(claimCoverage([quote("card-1"), quote("003")], sources).oneSided).toBe(false);
    expect(claimCoverage([], sources)).toEqual({
      outlets: [],
      distinctOutlets: 0,
      singleSource: false,
      oneSided: false,
    });
  });

  it("leaves out quotes of sources it does not know", () => {
    expect(
      claimCoverage([quote("card-2"), { ...quote("card-2"), sourceId: "removed-source" }], sources).distinctOutlets,
    ).toBe(1);
  });
});
