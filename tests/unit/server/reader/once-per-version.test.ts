import { describe, expect, it } from "vitest";
import { oncePerVersion } from "@/server/reader/once-per-version";

describe("oncePerVersion", () => {
  it("makes a value once per version and key", () => {
    const version = {};
    let made = 0;
    const make = () => ({ made: ++made });
    const first = oncePerVersion(version, "en /stories/a", make);
    expect(oncePerVersion(version, "en /stories/a", make)).toBe(first);
    expect(made).toBe(1);
    expect(oncePerVersion(version, "ar /ar/stories/a", make)).toEqual({ made: 2 });
    // Another version (another story's, or the same number read again after its parse was dropped) is its own.
    expect(oncePerVersion({}, "en /stories/a", make)).toEqual({ made: 3 });
    expect(oncePerVersion(version, "en /stories/a", make)).toBe(first);
  });

  it("keeps the 8 most recent keys of a version", () => {
    const version = {};
    for (let key = 0; key < 9; key += 1) oncePerVersion(version, String(key), () => key);
    expect(oncePerVersion(version, "8", () => -1)).toBe(8);
    expect(oncePerVersion(version, "1", () => -1)).toBe(1);
    expect(oncePerVersion(version, "0", () => -1)).toBe(-1);
  });
});
