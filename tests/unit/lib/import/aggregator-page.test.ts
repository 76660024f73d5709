import { describe, expect, it } from "vitest";
import { AggregatorFormatError, parseAggregatorPage } from "@/lib/import/aggregator-page";
import { seedFile } from "../../../support/seed-files";

const PAGE_LINES = seedFile("000").split("\n");

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

describe("parseAggregatorPage reads every line of the seed page", () => {
  const page = parseAggregatorPage(seedFile("000"));

  it("gives each card the headline above its outlet line and every part of its label line", () => {
    const outletLines = PAGE_LINES.flatMap((line, index) => (/·\d+d$/.test(line) ? [index] : []));
    expect(page.cards).toHaveLength(outletLines.length);
    page.cards.forEach((card, i) => {
      const at = outletLines[i] ?? -1;
      expect(card.headline).toBe(PAGE_LINES[at - 1]);
      expect(`${card.outlet}·${card.statedAge}`).toBe(PAGE_LINES[at]);
      const labelLine = PAGE_LINES[at + 1] ?? "";
      expect(labelLine.startsWith(`·${card.reliabilityLabel}${card.reliabilityNote}`)).toBe(true);
      expect(labelLine.endsWith(`${card.biasNote}${card.excerpt}`)).toBe(true);
    });
    expect(page.cards.map((card) => [card.reliabilityNote, card.biasNote])).toEqual([
      ...Array.from({ length: 3 }, () => [
        "This source consistently reports facts with minimal bias, demonstrating high-quality journalism and accuracy.",
        "This outlet slightly leans left.",
      ]),
      [
        "This source consistently reports facts with minimal bias, demonstrating high-quality journalism and accuracy.",
        "This outlet is balanced or reflects centrist views.",
      ],
    ]);
    expect(page.cards.map((card) => card.excerpt.length > 0)).toEqual([true, true, true, false]);
  });

  it("gives the Summary and the three Perspectives line for line", () => {
    const summaryAt = PAGE_LINES.indexOf("Summary");
    const perspectivesAt = PAGE_LINES.indexOf("Perspectives");
    expect(page.summary).toEqual(PAGE_LINES.slice(summaryAt + 1, perspectivesAt));
    expect(page.perspectives).toEqual(PAGE_LINES.slice(perspectivesAt + 1));
    expect(page.perspectives.map((line) => line.slice(0, 40))).toEqual([
      "The CIA has released two Mandarin-langua",
      "The videos highlight the growing corrupt",
      "CIA Director John Ratcliffe emphasizes t",
    ]);
  });
});

describe("parseAggregatorPage on other text", () => {
  it("refuses an article with a clear message", () => {
    expect(() => parseAggregatorPage(seedFile("001"))).toThrow(AggregatorFormatError);
    expect(() => parseAggregatorPage(seedFile("001"))).toThrow(/Summary/);
  });

  it("refuses each seed article, saying what it looked for", () => {
    for (const number of ["001", "002", "003", "004"]) {
      expect(() => parseAggregatorPage(seedFile(number))).toThrow(
        new AggregatorFormatError("No line reading “Summary” was found."),
      );
    }
  });

  it("refuses a page whose Summary is empty or that has no headline and subtitle", () => {
    const withoutSummary = seedFile("000").replace(/Summary\n.*\n/, "Summary\n");
    expect(() => parseAggregatorPage(withoutSummary)).toThrow("The Summary section is empty.");
    expect(() => parseAggregatorPage("Summary\nThe CIA has released two videos.")).toThrow(
      /^A headline and a subtitle must come before the source cards\.$/,
    );
  });

  it("refuses a page without cards", () => {
    expect(() => parseAggregatorPage("Headline\nSubtitle\nSummary\nText.")).toThrow(/No source cards/);
  });

  it("names the line that breaks a card list", () => {
    const broken = seedFile("000").replace("Al Jazeera·2d", "Al Jazeera two days ago");
    expect(() => parseAggregatorPage(broken)).toThrow(/is not part of a source card/);
  });
});
