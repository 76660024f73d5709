import { VERDICT_TEXT, type Verdict } from "../review/review-state";
import type { VersionContent } from "../versions/version-content";

const RATING: Record<Verdict, number> = { supported: 3, partly_supported: 2, unsupported: 1 };

/**
 * schema.org ClaimReview objects, one per claim of a published version: the claim reviewed, the verdict as
 * a rating (1 unsupported … 3 supported) with its wording, the claim's permalink, the publishing
 * organisation, the date, and the claim as it appeared in the supporting articles.
 */
export function claimReviews(
  content: VersionContent,
  options: { pageUrl: string; organisation: string; datePublished: string },
): Array<Record<string, unknown>> {
  const sources = new Map(content.sources.map((source) => [source.id, source]));
  return content.claims.map((claim) => {
    const articles = [...new Set(claim.quotes.filter((q) => q.stance === "supports").map((q) => q.sourceId))]
      .map((id) => sources.get(id))
      .filter((source) => source !== undefined)
      .map((source) => ({
        "@type": "CreativeWork",
        ...(source.url ? { url: source.url } : {}),
        ...(source.headline ? { headline: source.headline } : {}),
        ...(source.outlet ? { publisher: { "@type": "Organization", name: source.outlet } } : {}),
        ...(source.publishedAt ? { datePublished: source.publishedAt } : {}),
      }));
    const dated = articles
      .filter((article) => "datePublished" in article)
      .sort((a, b) => String(a.datePublished).localeCompare(String(b.datePublished)));
    return {
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `${options.pageUrl}#claim-${claim.id}`,
      claimReviewed: claim.text,
      datePublished: options.datePublished,
      author: { "@type": "Organization", name: options.organisation },
      reviewRating: {
        "@type": "Rating",
        ratingValue: RATING[claim.verdict],
        bestRating: 3,
        worstRating: 1,
        alternateName: VERDICT_TEXT[claim.verdict],
      },
      itemReviewed: {
        "@type": "Claim",
        appearance: articles,
        ...((dated[0] ?? articles[0]) ? { firstAppearance: dated[0] ?? articles[0] } : {}),
      },
    };
  });
}

/** JSON for a script tag: "<" escaped so that no text inside can close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
