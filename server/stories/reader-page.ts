import "server-only";
import type { Metadata } from "next";
import { getEnv } from "../env";
import type { PublishedStory } from "./published";

/** The public address of a reader page. */
export function readerPageUrl(slug: string, number?: number): string {
  const env = getEnv();
  const base = (env.PUBLIC_SITE_URL ?? env.NEXTAUTH_URL).replace(/\/$/, "");
  return `${base}/stories/${encodeURIComponent(slug)}${number ? `/v/${number}` : ""}`;
}

/** Title, description, canonical link, Open Graph and Twitter card of a published check. */
export function readerMetadata(story: PublishedStory, url: string): Metadata {
  const description = `${story.content.claims.length} claims checked against their sources. ${story.content.summary.slice(0, 150)}…`;
  return {
    title: story.title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      title: story.title,
      description,
      url,
      siteName: "Corroborate",
      publishedTime: story.publishedAt.toISOString(),
    },
    twitter: { card: "summary", title: story.title, description },
  };
}
