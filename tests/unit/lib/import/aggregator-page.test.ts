import { describe, expect, it } from "vitest";
import { AggregatorFormatError, parseAggregatorPage } from "@/lib/import/aggregator-page";
import { seedFile } from "../../../fixtures";

describe("parseAggregatorPage on the seed page (000)", () => {
  const page = parseAggregatorPage(seedFile("000"));

  it("reads the headline, subtitle and lead", () => {
    expect(page.headline).toBe("CIA Launches Social Media Campaign to Recruit Chinese Officials");
    expect(page.subtitle).toMatch(/^The CIA released Mandarin-language videos/);
    expect(page.lead).toHaveLength(1);
    expect(page.lead[0]).toMatch(/told NBC News in 2023\.$/);
  });

  it("reads the four source cards with their labels", () => {
    expect(page.cards.map((card) => [card.outlet, card.statedAge, card.reliabilityLabel, card.biasLabel])).toEqual([
      ["TIME Magazine", "1d", "Reliable", "leans_left"],
      ["The Guardian", "2d", "Reliable", "leans_left"],
      ["Al Jazeera", "2d", "Reliable", "leans_left"],
      ["NBC News", "2d", "Reliable", "center"],
    ]);
    expect(page.cards[0]?.excerpt).toMatch(/^The campaign follows earlier efforts which began in October/);
    expect(page.cards[3]?.excerpt).toBe("");
    expect(page.cards[3]?.biasNote).toBe("This outlet is balanced or reflects centrist views.");
    expect(page.cards[0]?.reliabilityNote).toMatch(/^This source consistently reports facts/);
  });

  it("reads the Summary and the Perspectives", () => {
    expect(page.summary).toHaveLength(1);
    expect(page.summary[0]).toMatch(/^The CIA has released two Mandarin-language recruitment videos/);
    expect(page.summary[0]).toMatch(/Chinese officials have yet to respond\.$/);
    expect(page.perspectives).toHaveLength(3);
  });
});

describe("parseAggregatorPage on other text", () => {
  it("refuses an article with a clear message", () => {
    expect(() => parseAggregatorPage(seedFile("001"))).toThrow(AggregatorFormatError);
    expect(() => parseAggregatorPage(seedFile("001"))).toThrow(/Summary/);
  });

  it("refuses a page without cards", () => {
    expect(() => parseAggregatorPage("Headline\nSubtitle\nSummary\nText.")).toThrow(/No source cards/);
  });

  it("names the line that breaks a card list", () => {
    const broken = seedFile("000").replace("Al Jazeera·2d", "Al Jazeera two days ago");
    expect(() => parseAggregatorPage(broken)).toThrow(/is not part of a source card/);
  });
});
