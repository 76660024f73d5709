import "server-only";
import * as z from "zod";
import {
  checkEntries,
  claimReviewDataFeed,
  correctionEntries,
  jsonFeed,
  type FeedMeta,
  type PublishedStoryVersions,
} from "@/lib/reader/feeds";
import {
  openApiDocument,
  storyListQuerySchema,
  verdictCounts,
  versionNumberSchema,
  versionResource,
  type StoryList,
  type StorySummary,
} from "@/lib/reader/public-api";
import { getEnv } from "../env";
import { publicError, publicJson, publicResponse } from "../http/public-response";
import { readPublishedStory } from "../stories/published";
import { readerPageUrl, siteUrl } from "../stories/reader-page";
import { atomFeed } from "./feed-documents";
import { publishedStoryIndex, withContents } from "./published-checks";

// The public read API (/api/v1) and the feeds (/feeds), as the route handlers answer them: validated input,
// published versions only, CORS open, ETags and Cache-Control (server/http/public-response.ts).

const slugSchema = z.string().min(1).max(200);
/** How many entries a feed holds: the newest. */
const FEED_ENTRIES = 50;

const apiUrl = (path: string) => siteUrl(`/api/v1${path}`);

/** GET /api/v1/stories?page=&perPage= */
export async function storyList(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const query = storyListQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return publicError(400, "page must be 1–10000 and perPage 1–100.");
  const { page, perPage } = query.data;
  const index = await publishedStoryIndex();
  const onPage = index.slice((page - 1) * perPage, page * perPage);
  const stories = await withContents(onPage, (versions) => versions.slice(-1));
  const summaries: StorySummary[] = onPage.map((story, i) => {
    const latest = stories[i]!.versions[0]!;
    return {
      slug: story.slug,
      title: latest.title,
      url: latest.storyUrl,
      api: apiUrl(`/stories/${encodeURIComponent(story.slug)}`),
      latestVersion: latest.number,
      firstPublishedAt: story.versions[0]!.publishedAt.toISOString(),
      updatedAt: latest.publishedAt.toISOString(),
      corrected: latest.number > 1,
      claims: verdictCounts(latest.content),
    };
  });
  const list: StoryList = {
    stories: summaries,
    page,
    perPage,
    total: index.length,
    next: page * perPage < index.length ? apiUrl(`/stories?page=${page + 1}&perPage=${perPage}`) : null,
  };
  return publicJson(request, list, "short");
}

/** GET /api/v1/stories/<slug> (the latest version) and /api/v1/stories/<slug>/versions/<n>. */
export async function storyVersion(request: Request, slugText: string, numberText?: string): Promise<Response> {
  const slug = slugSchema.safeParse(slugText);
  const number = numberText === undefined ? undefined : versionNumberSchema.safeParse(numberText);
  if (!slug.success || (number && !number.success)) return publicError(404, "No such published version.");
  const version = await readPublishedStory(slug.data, number?.data);
  if (!version) return publicError(404, "No such published version.");
  return publicJson(
    request,
    versionResource({
      ...version,
      url: readerPageUrl(version.slug, version.number),
    }),
    // A numbered version never changes; "the latest" moves when a correction is published.
    number ? "immutable" : "short",
  );
}

/** GET /api/v1/openapi.json */
export function openApi(request: Request): Response {
  return publicJson(request, openApiDocument(siteUrl()), "short");
}

export type FeedName = "checks" | "corrections";
export type FeedFormat = "atom" | "json";

const FEEDS: Record<FeedName, { title: string; description: string; entries: typeof checkEntries }> = {
  checks: {
    title: "Fact checks",
    description: "Published fact checks: each claim with its verdict and the verbatim quotes behind it.",
    entries: checkEntries,
  },
  corrections: {
    title: "Corrections",
    description: "Corrections to published fact checks: each new version with what it corrected.",
    entries: correctionEntries,
  },
};

/** The newest stories' versions with their contents, as a feed needs them. */
async function recentStories(): Promise<PublishedStoryVersions[]> {
  const index = (await publishedStoryIndex()).slice(0, FEED_ENTRIES);
  return withContents(index, (versions) => versions);
}

/** GET /feeds/checks.atom, /feeds/checks.json, /feeds/corrections.atom, /feeds/corrections.json */
export async function feed(request: Request, name: FeedName, format: FeedFormat): Promise<Response> {
  const organisation = getEnv().ORGANISATION_NAME;
  const other: FeedFormat = format === "atom" ? "json" : "atom";
  const meta: FeedMeta = {
    title: `${organisation}: ${FEEDS[name].title}`,
    description: FEEDS[name].description,
    feedUrl: siteUrl(`/feeds/${name}.${format}`),
    alternateUrl: siteUrl(`/feeds/${name}.${other}`),
    homeUrl: siteUrl("/"),
    organisation,
  };
  const entries = FEEDS[name].entries(await recentStories()).slice(0, FEED_ENTRIES);
  if (format === "json") {
    return publicResponse(request, JSON.stringify(jsonFeed(meta, entries)), {
      contentType: "application/feed+json; charset=utf-8",
      freshness: "short",
    });
  }
  return publicResponse(request, atomFeed(meta, entries), {
    contentType: "application/atom+xml; charset=utf-8",
    freshness: "short",
  });
}

/** GET /feeds/claim-review.json: every story's latest version as schema.org ClaimReviews in a DataFeed. */
export async function claimReviewFeed(request: Request): Promise<Response> {
  const stories = await withContents(await publishedStoryIndex(), (versions) => versions.slice(-1));
  const document = claimReviewDataFeed(stories, {
    feedUrl: siteUrl("/feeds/claim-review.json"),
    organisation: getEnv().ORGANISATION_NAME,
  });
  return publicResponse(request, JSON.stringify(document), {
    contentType: "application/ld+json; charset=utf-8",
    freshness: "short",
  });
}
