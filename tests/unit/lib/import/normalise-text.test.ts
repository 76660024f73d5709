import { describe, expect, it } from "vitest";
import { sha256Hex } from "@/lib/hashing/sha256";
import { normaliseArticleText } from "@/lib/import/normalise-text";

describe("normaliseArticleText", () => {
  it("folds line endings, whitespace runs and blank lines into paragraphs", () => {
    expect(normaliseArticleText("  A \t first\u00a0line\r\n\r\n\r\nsecond  \rthird")).toBe(
      "A first line\n\nsecond\n\nthird",
    );
  });

  it("composes Unicode to NFC", () => {
    expect(normaliseArticleText("Caf\u0065\u0301")).toBe("Caf\u00e9");
  });
});

describe("sha256Hex", () => {
  it("is the SHA-256 hex of the text", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
