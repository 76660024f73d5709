import { describe, expect, it } from "vitest";
import { readArticleMetadata } from "@/lib/import/article-metadata";
import { seedFile } from "../../../support/seed-files";

describe("readArticleMetadata on the seed articles", () => {
  it("reads Bloomberg's copyright line and its distributor, and drops page furniture", () => {
    const meta = readArticleMetadata(seedFile("001"));
    expect(meta.headline).toBe("CIA boosts social media campaign to recruit Chinese officials");
    expect(meta.outlet).toBe("Bloomberg");
    expect(meta.distributor).toBe("Tribune Content Agency, LLC");
    expect(meta.section).toBe("News & Features");
    expect(meta.body.startsWith("WASHINGTON — The Central Intelligence Agency")).toBe(true);
    expect(meta.body).not.toMatch(/©|Comments$/);
  });

  it("states no headline or outlet for 002, which names none", () => {
    const meta = readArticleMetadata(seedFile("002"));
    expect(meta.headline).toBeNull();
    expect(meta.outlet).toBeNull();
    expect(meta.body.startsWith("The U.S. Central Intelligence Agency has released")).toBe(true);
  });

  it("reads 003's section, date line and staff byline", () => {
    const meta = readArticleMetadata(seedFile("003"));
    expect(meta.headline).toBe("CIA uses social media, seeks to recruit Chinese agents for espionage activities");
    expect(meta.section).toBe("Reports");
    expect(meta.publishedAt?.toISOString()).toBe("2025-05-02T12:22:00.000Z");
    expect(meta.author).toBe("Myind Staff");
    expect(meta.outlet).toBe("Myind");
    expect(meta.body.startsWith("On Thursday, the CIA released")).toBe(true);
  });

  it("keeps a headline that ends with an abbreviation (004)", () => {
    const meta = readArticleMetadata(seedFile("004"));
    expect(meta.headline).toBe("CIA hopes cinematic videos will persuade Chinese to spy for U.S.");
    expect(meta.body.startsWith("The CIA on Thursday released")).toBe(true);
  });

  it("reads a 'By' byline and an AM time", () => {
    const meta = readArticleMetadata("A headline\nBy Jane Doe\n12:05 AM, Jan 3, 2024\nFirst paragraph.");
    expect(meta.author).toBe("Jane Doe");
    expect(meta.publishedAt?.toISOString()).toBe("2024-01-03T00:05:00.000Z");
    expect(meta.body).toBe("First paragraph.");
  });

  it("takes no byline, date or list item for a headline when a text starts without one", () => {
    const body = readArticleMetadata(seedFile("003")).body;
    const meta = readArticleMetadata(`By Myind Staff\nMay 02, 2025\n${body}`);
    expect(meta.headline).toBeNull();
    expect(meta.author).toBe("Myind Staff");
    expect(meta.publishedAt?.toISOString()).toBe("2025-05-02T00:00:00.000Z");
    expect(meta.body).toBe(body);
    const listed = readArticleMetadata(seedFile("003").split("\n").slice(1).join("\n"));
    expect(listed.headline).toBeNull();
    expect(listed.section).toBe("Reports");
    expect(listed.body).toBe(body);
  });
});
