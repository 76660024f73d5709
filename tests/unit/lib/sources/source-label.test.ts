import { describe, expect, it } from "vitest";
import { OUTLET_NOT_STATED, outletKey, outletLabel, sourceLabel, statedOutlet } from "@/lib/sources/source-label";

const nbc = { outlet: "NBC News", headline: "Musk's Grok under fire" };
const headlineOnly = { outlet: null, headline: "Grok Imagine flooded with abuse" };
const nameless = { outlet: null, headline: null };

describe("source label", () => {
  it("names a source by its outlet, else its headline, else says the outlet is not stated", () => {
    expect([sourceLabel(nbc), sourceLabel(headlineOnly), sourceLabel(nameless)]).toEqual([
      "NBC News",
      "Grok Imagine flooded with abuse",
      OUTLET_NOT_STATED,
    ]);
    expect(OUTLET_NOT_STATED).toBe("Outlet not stated");
  });

  it("shows only the outlet where the headline is shown beside it", () => {
    expect([outletLabel(nbc), outletLabel(headlineOnly), outletLabel(nameless)]).toEqual([
      "NBC News",
      OUTLET_NOT_STATED,
      OUTLET_NOT_STATED,
    ]);
  });

  it("treats blank names as missing and trims the rest", () => {
    expect(statedOutlet({ outlet: "  ", headline: "x" })).toBeNull();
    expect(statedOutlet({ outlet: " BBC " })).toBe("BBC");
    expect(sourceLabel({ outlet: "", headline: " " })).toBe(OUTLET_NOT_STATED);
    expect(sourceLabel({ outlet: "", headline: "Headline" })).toBe("Headline");
  });

  it("counts sources of one outlet once, and every nameless source as one outlet", () => {
    expect(outletKey({ outlet: "NBC News", headline: "An article" })).toBe(outletKey({ outlet: "NBC News" }));
    expect(outletKey(nameless)).toBe(outletKey({ outlet: null, headline: "" }));
    expect(outletKey(nbc)).not.toBe(outletKey(headlineOnly));
  });

  it("gives an already-labelled source the key of its row", () => {
    for (const source of [nbc, headlineOnly, nameless])
      expect(outletKey({ outlet: sourceLabel(source) })).toBe(outletKey(source));
  });
});
