import { statedOutlet } from "../sources/source-label";
import { biasLabelSchema, type BiasLabel } from "./bias-label";
import type { StatedArticleMetadata } from "./import-file";

/** The metadata fields of an article as the import form edits them: all text, empty meaning not stated. */
export interface ArticleFields {
  outlet: string;
  url: string;
  headline: string;
  author: string;
  /** "YYYY-MM-DDTHH:mm" in UTC (what a datetime-local input holds), or empty. */
  publishedAt: string;
  biasLabel: BiasLabel;
  reliabilityLabel: string;
}

/** A source the story already holds, as far as prefilling an article goes (a workspace source fits). */
export interface StorySourceCard {
  /** "card" for a source card of an aggregator page. */
  kind: string;
  outlet: string | null;
  headline: string | null;
  biasLabel: string | null;
  reliabilityLabel: string | null;
}

/** An article's fields prefilled for the editor to confirm, and a note when an aggregator card supplied some. */
export interface ArticlePrefill {
  fields: ArticleFields;
  /** Says which card the outlet and labels came from; null when no card has the article's headline. */
  cardNote: string | null;
}

/**
 * Prefills an article's fields from what its text states and, when the story holds an aggregator card with
 * the same headline (compared without case), the card's outlet (if the text states none) and its labels.
 * @example
 * // The story holds NBC News's card "CIA hopes cinematic videos will persuade Chinese to spy for U.S."; an
 * // article stating that headline and no outlet gets outlet "NBC News", the card's labels (center,
 * // Reliable), and the note "Outlet and labels are taken from the NBC News card with the same headline."
 */
export function prefillArticleFields(
  metadata: StatedArticleMetadata,
  sources: readonly StorySourceCard[],
): ArticlePrefill {
  const headline = metadata.headline;
  const card = headline
    ? sources.find((source) => source.kind === "card" && source.headline?.toLowerCase() === headline.toLowerCase())
    : undefined;
  return {
    cardNote: card
      ? `Outlet and labels are taken from the ${statedOutlet(card) ?? "aggregator"} card with the same headline.`
      : null,
    fields: {
      outlet: metadata.outlet ?? card?.outlet ?? "",
      url: "",
      headline: metadata.headline ?? "",
      author: metadata.author ?? "",
      publishedAt: metadata.publishedAt ? metadata.publishedAt.toISOString().slice(0, 16) : "",
      biasLabel: biasLabelSchema.catch("unknown").parse(card?.biasLabel),
      reliabilityLabel: card?.reliabilityLabel ?? "",
    },
  };
}

/**
 * The body of the request that imports an article: its text and fields, the publication time as an ISO
 * time in UTC (empty when not stated).
 */
export function articleImportBody(text: string, fields: ArticleFields): ArticleFields & { text: string } {
  return { text, ...fields, publishedAt: fields.publishedAt ? `${fields.publishedAt}:00Z` : "" };
}
