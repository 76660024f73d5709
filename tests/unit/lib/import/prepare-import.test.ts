import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { parseAggregatorPage } from "@/lib/import/aggregator-page";
import { ImportFileError } from "@/lib/import/import-file";
import { prepareImport } from "@/lib/import/prepare-import";
import { seedFile } from "../../../support/seed-files";

const parseHtml = (html: string) => new JSDOM(html).window.document;
const CARDS = parseAggregatorPage(seedFile("000")).cards.map((card) => ({ ...card, kind: "card" }));

describe("prepareImport", () => {
  it("reads the seed story's aggregator page as a page, keeping its text as pasted", () => {
    const prepared = prepareImport(seedFile("000"), "text", "the pasted text", [], parseHtml);
    expect(prepared.kind).toBe("aggregator");
    if (prepared.kind !== "aggregator") return;
    expect(prepared.text).toBe(seedFile("000"));
    expect(prepared.page.cards.map((card) => card.outlet)).toEqual([
      "TIME Magazine",
      "The Guardian",
      "Al Jazeera",
      "NBC News",
    ]);
  });

  it("reads an article with its stated metadata and the labels of the card with its headline", () => {
    const prepared = prepareImport(seedFile("004"), "text", "004.txt", CARDS, parseHtml);
    expect(prepared).toMatchObject({
      kind: "article",
      cardNote: "Outlet and labels are taken from the NBC News card with the same headline.",
      fields: {
        headline: "CIA hopes cinematic videos will persuade Chinese to spy for U.S.",
        outlet: "NBC News",
        biasLabel: "center",
        reliabilityLabel: "Reliable",
      },
    });
    if (prepared.kind === "article") expect(prepared.text).not.toContain("CIA hopes cinematic videos will persuade");
  });

  it("reads HTML as an article even when its text would read as a page", () => {
    const html = `<html><head><title>Page</title></head><body><article><p>${seedFile("001").split("\n").join("</p><p>")}</p></article></body></html>`;
    expect(prepareImport(html, "html", "page.html", CARDS, parseHtml).kind).toBe("article");
  });

  it("refuses what is not text, naming where it came from", () => {
    expect(() => prepareImport("\u0000\u0001\u0002".repeat(100), "text", "photo.txt", CARDS, parseHtml)).toThrow(
      ImportFileError,
    );
  });
});
