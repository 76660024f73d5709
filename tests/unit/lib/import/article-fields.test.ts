import { describe, expect, it } from "vitest";
import { parseAggregatorPage } from "@/lib/import/aggregator-page";
import { articleImportBody, prefillArticleFields, type StorySourceCard } from "@/lib/import/article-fields";
import type { StatedArticleMetadata } from "@/lib/import/import-file";
import { seedFile } from "../../../support/seed-files";

/** The seed story's source cards as the workspace holds them once its aggregator page is imported. */
const CARDS: StorySourceCard[] = parseAggregatorPage(seedFile("000")).cards.map((card) => ({
  kind: "card",
  outlet: card.outlet,
  headline: card.headline,
  biasLabel: card.biasLabel,
  reliabilityLabel: card.reliabilityLabel,
}));

const stated = (metadata: Partial<StatedArticleMetadata>): StatedArticleMetadata => ({
  headline: null,
  outlet: null,
  author: null,
  publishedAt: null,
  section: null,
  distributor: null,
  ...metadata,
});

describe("prefillArticleFields", () => {
  it("takes the outlet and labels of the aggregator card with the same headline, without regard to case", () => {
    const prefill = prefillArticleFields(
      stated({ headline: "CIA HOPES CINEMATIC VIDEOS WILL PERSUADE CHINESE TO SPY FOR U.S." }),
      CARDS,
    );
    expect(prefill.cardNote).toBe("Outlet and labels are taken from the NBC News card with the same headline.");
    expect(prefill.fields).toEqual({
      outlet: "NBC News",
      url: "",
      headline: "CIA HOPES CINEMATIC VIDEOS WILL PERSUADE CHINESE TO SPY FOR U.S.",
      author: "",
      publishedAt: "",
      biasLabel: "center",
      reliabilityLabel: "Reliable",
    });
  });

  it("keeps the outlet the article states over the card's", () => {
    const prefill = prefillArticleFields(
      stated({ headline: "CIA hopes cinematic videos will persuade Chinese to spy for U.S.", outlet: "MSNBC" }),
      CARDS,
    );
    expect(prefill.fields.outlet).toBe("MSNBC");
    expect(prefill.fields.biasLabel).toBe("center");
  });

  it("fills in what the article states, and nothing from a card when no card has its headline", () => {
    const prefill = prefillArticleFields(
      stated({
        headline: "CIA uses social media, seeks to recruit Chinese agents for espionage activities",
        outlet: "Myind",
        author: "Myind Staff",
        publishedAt: new Date("2025-05-02T12:22:00Z"),
      }),
      CARDS,
    );
    expect(prefill).toEqual({
      cardNote: null,
      fields: {
        outlet: "Myind",
        url: "",
        headline: "CIA uses social media, seeks to recruit Chinese agents for espionage activities",
        author: "Myind Staff",
        publishedAt: "2025-05-02T12:22",
        biasLabel: "unknown",
        reliabilityLabel: "",
      },
    });
  });

  it("matches only source cards, and nothing for an article without a headline", () => {
    const article = { ...CARDS[3]!, kind: "article" };
    expect(prefillArticleFields(stated({ headline: article.headline }), [article]).cardNote).toBeNull();
    expect(prefillArticleFields(stated({}), CARDS)).toMatchObject({ cardNote: null, fields: { outlet: "" } });
  });

  it("names a card without an outlet as the aggregator's, and reads an unknown bias label as unknown", () => {
    const card = { kind: "card", outlet: null, headline: "A headline", biasLabel: "sideways", reliabilityLabel: null };
    const prefill = prefillArticleFields(stated({ headline: "A headline" }), [card]);
    expect(prefill.cardNote).toBe("Outlet and labels are taken from the aggregator card with the same headline.");
    expect(prefill.fields).toMatchObject({ outlet: "", biasLabel: "unknown", reliabilityLabel: "" });
  });
});

describe("articleImportBody", () => {
  it("sends the publication time as UTC with seconds, and an empty one as empty", () => {
    const fields = prefillArticleFields(stated({ headline: "A headline" }), []).fields;
    expect(articleImportBody("Text.", { ...fields, publishedAt: "2025-05-02T12:22" })).toEqual({
      ...fields,
      text: "Text.",
      publishedAt: "2025-05-02T12:22:00Z",
    });
    expect(articleImportBody("Text.", fields).publishedAt).toBe("");
  });
});
