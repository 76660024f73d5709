import type { PublishedStory } from "@/server/stories/published";
import { siteUrl } from "@/server/stories/reader-page";

/** A published check's description for search results and cards: how many claims, and how the summary begins. */
export function checkDescription(story: PublishedStory): string {
  return `${story.content.claims.length} claims checked against their sources. ${story.content.summary.slice(0, 150)}…`;
}

/**
 * What a published check's <head> holds beyond its title, description, feeds, manifest and icon
 * (server/reader/reader-document.tsx): the canonical address, the oEmbed discovery link (an embed of the check's
 * first claim; a claim's permalink embeds that claim), Open Graph with the version's own image
 * (app/(reader)/stories/[slug]/v/[n]/og.png) and the Twitter card. Not the six twitter:* copies of og:* tags that
 * Next's metadata wrote: X reads Open Graph (bench/RESULTS.md, issue 17).
 */
export function ReaderHead({ story, url }: { story: PublishedStory; url: string }) {
  const description = checkDescription(story);
  return (
    <>
      <link rel="canonical" href={url} />
      <link
        rel="alternate"
        type="application/json+oembed"
        href={siteUrl(`/api/oembed?url=${encodeURIComponent(url)}&format=json`)}
        title={story.title}
      />
      <meta property="og:title" content={story.title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content="Corroborate" />
      <meta
        property="og:image"
        content={siteUrl(`/stories/${encodeURIComponent(story.slug)}/v/${story.number}/og.png`)}
      />
      <meta property="og:image:width" content="1200" />
      <meta property="og:image:height" content="630" />
      <meta property="og:image:alt" content={story.title} />
      <meta property="og:type" content="article" />
      <meta property="article:published_time" content={story.publishedAt.toISOString()} />
      <meta name="twitter:card" content="summary" />
    </>
  );
}
