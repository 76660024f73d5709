import { claimReviews } from "./claim-review";
import { mediaReviews } from "./media-review";
import type { VersionContent } from "../versions/version-content";
import { verdictCounts } from "./public-api";

/**
 * The feeds of published checks and of their corrections, in one model that the Atom and JSON Feed documents are
 * both written from (server/reader/feed-documents.ts writes Atom, jsonFeed() below JSON Feed 1.1), and the
 * ClaimReview data feed that fact-check databases ingest.
 */

/** One published version of a story, with what a feed says of it. */
export interface PublishedVersion {
  slug: string;
  title: string;
  number: number;
  publishedAt: Date;
  correctionNote: string | null;
  content: VersionContent;
  /** The reader's page of this version, and of the story (its latest version). */
  versionUrl: string;
  storyUrl: string;
}

/** A story and its versions, oldest first. */
export interface PublishedStoryVersions {
  slug: string;
  versions: PublishedVersion[];
}

export interface FeedEntry {
  /** A permanent id: the page the entry is about. */
  id: string;
  url: string;
  title: string;
  published: Date;
  updated: Date;
  /** Plain text; never HTML. */
  summary: string;
}

export interface FeedMeta {
  title: string;
  description: string;
  /** The feed's own address, and the page it belongs to. */
  feedUrl: string;
  homeUrl: string;
  /** The other format of the same feed. */
  alternateUrl: string;
  organisation: string;
}

/** "4 claims: 2 supported, 1 partly supported, 1 unsupported." */
function claimLine(content: VersionContent): string {
  const counts = verdictCounts(content);
  const parts = [
    counts.supported && `${counts.supported} supported`,
    counts.partly_supported && `${counts.partly_supported} partly supported`,
    counts.unsupported && `${counts.unsupported} unsupported`,
  ].filter(Boolean);
  return `${counts.total} ${counts.total === 1 ? "claim" : "claims"} checked${parts.length > 0 ? `: ${parts.join(", ")}` : ""}.`;
}

/**
 * The feed of published checks: one entry per story, at its reader page, first published when its first version
 * was and updated when its latest was; its title and summary are the latest version's.
 */
export function checkEntries(stories: readonly PublishedStoryVersions[]): FeedEntry[] {
  return stories
    .filter((story) => story.versions.length > 0)
    .map((story) => {
      const first = story.versions[0]!;
      const latest = story.versions.at(-1)!;
      const corrected = story.versions.length > 1 ? ` Corrected (version ${latest.number}).` : "";
      return {
        id: latest.storyUrl,
        url: latest.storyUrl,
        title: latest.title,
        published: first.publishedAt,
        updated: latest.publishedAt,
        summary: `${claimLine(latest.content)}${corrected} ${latest.content.summary}`,
      };
    })
    .sort((a, b) => b.updated.getTime() - a.updated.getTime());
}

/** The feed of corrections: one entry per version after a story's first, with its correction note. */
export function correctionEntries(stories: readonly PublishedStoryVersions[]): FeedEntry[] {
  return stories
    .flatMap((story) => story.versions.filter((version) => version.number > 1))
    .map((version) => ({
      id: version.versionUrl,
      url: version.versionUrl,
      title: `Correction: ${version.title} (version ${version.number})`,
      published: version.publishedAt,
      updated: version.publishedAt,
      summary: version.correctionNote ?? "Corrected.",
    }))
    .sort((a, b) => b.updated.getTime() - a.updated.getTime());
}

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1) of `entries`. */
export function jsonFeed(meta: FeedMeta, entries: readonly FeedEntry[]): Record<string, unknown> {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: meta.title,
    description: meta.description,
    home_page_url: meta.homeUrl,
    feed_url: meta.feedUrl,
    language: "en",
    authors: [{ name: meta.organisation }],
    items: entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      content_text: entry.summary,
      date_published: entry.published.toISOString(),
      date_modified: entry.updated.toISOString(),
    })),
  };
}

/**
 * The ClaimReview data feed: a schema.org DataFeed with one ClaimReview per claim of every story's latest version,
 * and a MediaReview for each claim about a video, an image or a recording (lib/reader/media-review.ts), as Google's
 * Fact Check Tools and Duke's Fact-Check Insights ingest them.
 */
export function claimReviewDataFeed(
  stories: readonly PublishedStoryVersions[],
  options: { feedUrl: string; organisation: string },
): Record<string, unknown> {
  const latest = stories.flatMap((story) => story.versions.slice(-1));
  const modified = latest.reduce<Date | null>(
    (newest, version) => (!newest || version.publishedAt > newest ? version.publishedAt : newest),
    null,
  );
  return {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    name: `${options.organisation}: fact checks`,
    url: options.feedUrl,
    ...(modified ? { dateModified: modified.toISOString() } : {}),
    // Each ClaimReview keeps its own @context: valid JSON-LD, and each element stands alone when a consumer splits them.
    dataFeedElement: latest.flatMap((version) => {
      const review = {
        pageUrl: version.versionUrl,
        organisation: options.organisation,
        datePublished: version.publishedAt.toISOString(),
      };
      return [...claimReviews(version.content, review), ...mediaReviews(version.content, review)];
    }),
  };
}
