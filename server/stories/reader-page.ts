import "server-only";
import type { Metadata } from "next";
import { DEFAULT_LOCALE, localePath, type Locale } from "@/lib/i18n/locales";
import { getEnv } from "../env";
import type { PublishedStory } from "./published";

/** The public address of a path of this site (PUBLIC_SITE_URL, else NEXTAUTH_URL), e.g. siteUrl("/feeds/checks.atom"). */
export function siteUrl(path = ""): string {
  const env = getEnv();
  return `${(env.PUBLIC_SITE_URL ?? env.NEXTAUTH_URL).replace(/\/$/, "")}${path}`;
}

/** The public address of a reader page, in a locale (English, without a prefix, when omitted). */
export function readerPageUrl(slug: string, number?: number, locale: Locale = DEFAULT_LOCALE): string {
  return siteUrl(localePath(locale, `/stories/${encodeURIComponent(slug)}${number ? `/v/${number}` : ""}`));
}

/** The `<link rel="alternate">` of every public page: the feeds of checks and of corrections, in both formats. */
export function feedAlternates(): NonNullable<Metadata["alternates"]>["types"] {
  return {
    "application/atom+xml": [
      { url: siteUrl("/feeds/checks.atom"), title: "Fact checks" },
      { url: siteUrl("/feeds/corrections.atom"), title: "Corrections" },
    ],
    "application/feed+json": [
      { url: siteUrl("/feeds/checks.json"), title: "Fact checks" },
      { url: siteUrl("/feeds/corrections.json"), title: "Corrections" },
    ],
  };
}

/** Title, description, canonical link, feeds, oEmbed, Open Graph (with the version's image) and Twitter card of a published check. */
export function readerMetadata(story: PublishedStory, url: string): Metadata {
  const description = `${story.content.claims.length} claims checked against their sources. ${story.content.summary.slice(0, 150)}…`;
  return {
    title: story.title,
    description,
    // A page's alternates replace its layout's whole (Next merges metadata one key deep): the feeds again.
    // The oEmbed discovery link (an embed of the check's first claim; a claim's permalink embeds that claim).
    alternates: {
      canonical: url,
      types: {
        ...feedAlternates(),
        "application/json+oembed": [
          { url: siteUrl(`/api/oembed?url=${encodeURIComponent(url)}&format=json`), title: story.title },
        ],
      },
    },
    openGraph: {
      type: "article",
      title: story.title,
      description,
      url,
      siteName: "Corroborate",
      publishedTime: story.publishedAt.toISOString(),
      // The version's own image (app/(reader)/stories/[slug]/v/[n]/og.png), cached for as long as the version.
      images: [
        {
          url: siteUrl(`/stories/${encodeURIComponent(story.slug)}/v/${story.number}/og.png`),
          width: 1200,
          height: 630,
          alt: story.title,
        },
      ],
    },
    // The card's title and description fall back to Open Graph's, so they are not repeated: metadata is sent twice,
    // in the head and in the page's RSC payload.
    twitter: { card: "summary" },
  };
}
