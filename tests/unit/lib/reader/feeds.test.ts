import { describe, expect, it } from "vitest";
import {
  checkEntries,
  claimReviewDataFeed,
  correctionEntries,
  jsonFeed,
  type PublishedStoryVersions,
} from "@/lib/reader/feeds";
import { openApiDocument, versionNumberSchema, versionResource, verdictCounts } from "@/lib/reader/public-api";
import type { VersionContent } from "@/lib/versions/version-content";

const content = (verdicts: Array<"supported" | "partly_supported" | "unsupported">): VersionContent => ({
  summary: "The CIA released two videos. Officials have yet to respond.",
  claims: verdicts.map((verdict, i) => ({
    id: `claim-${i}`,
    text: i === 0 ? "The CIA released two videos." : "Officials have yet to respond.",
    start: i === 0 ? 0 : 29,
    end: i === 0 ? 28 : 59,
    verdict,
    approvedBy: { id: "user-rosa", name: "Rosa Díaz" },
    approvedAt: "2026-11-30T08:00:00.000Z",
    quotes: [
      {
        id: `quote-${i}`,
        sourceId: "source-nbc",
        selector: { exact: "released two videos", prefix: "The CIA ", suffix: " on Thursday", start: 8, end: 27 },
        stance: "supports",
        note: "",
      },
    ],
  })),
  sources: [
    {
      id: "source-nbc",
      outlet: "NBC News",
      url: "https://www.nbcnews.com/cia",
      headline: "CIA videos",
      author: null,
      publishedAt: "2026-05-01",
      statedAge: null,
      reliabilityLabel: null,
      biasLabel: "unknown",
      contentHash: "abc",
    },
  ],
});

const at = (day: number) => new Date(Date.UTC(2026, 10, day));

function story(slug: string, versions: Array<{ day: number; note?: string }>): PublishedStoryVersions {
  return {
    slug,
    versions: versions.map(({ day, note }, i) => ({
      slug,
      title: `${slug} title v${i + 1}`,
      number: i + 1,
      publishedAt: at(day),
      correctionNote: note ?? null,
      content: content(["supported", "unsupported"]),
      versionUrl: `https://news.example/stories/${slug}/v/${i + 1}`,
      storyUrl: `https://news.example/stories/${slug}`,
    })),
  };
}

const stories = [story("alpha", [{ day: 1 }, { day: 5, note: "Fixed a date." }]), story("beta", [{ day: 3 }])];

describe("the feeds of published checks", () => {
  it("has one entry per story, newest update first, saying its verdicts and that it was corrected", () => {
    const entries = checkEntries(stories);
    expect(entries.map((entry) => entry.url)).toEqual([
      "https://news.example/stories/alpha",
      "https://news.example/stories/beta",
    ]);
    expect(entries[0]).toMatchObject({ title: "alpha title v2", published: at(1), updated: at(5) });
    expect(entries[0]!.summary).toMatch(/^2 claims checked: 1 supported, 1 unsupported\. Corrected \(version 2\)\. /);
    expect(entries[1]!.summary).not.toContain("Corrected");
  });

  it("has one correction entry per version after the first, with its note", () => {
    expect(correctionEntries(stories)).toEqual([
      {
        id: "https://news.example/stories/alpha/v/2",
        url: "https://news.example/stories/alpha/v/2",
        title: "Correction: alpha title v2 (version 2)",
        published: at(5),
        updated: at(5),
        summary: "Fixed a date.",
      },
    ]);
  });

  it("writes JSON Feed 1.1 with the required fields", () => {
    const meta = {
      title: "Checks",
      description: "All of them",
      feedUrl: "https://news.example/feeds/checks.json",
      alternateUrl: "https://news.example/feeds/checks.atom",
      homeUrl: "https://news.example/",
      organisation: "The Desk",
    };
    const feed = jsonFeed(meta, checkEntries(stories));
    expect(feed).toMatchObject({ version: "https://jsonfeed.org/version/1.1", title: "Checks" });
    expect(feed.items).toEqual([
      expect.objectContaining({ id: "https://news.example/stories/alpha", date_modified: at(5).toISOString() }),
      expect.objectContaining({ id: "https://news.example/stories/beta", date_published: at(3).toISOString() }),
    ]);
  });

  it("puts every claim of each story's latest version in the ClaimReview data feed", () => {
    const feed = claimReviewDataFeed(stories, {
      feedUrl: "https://news.example/feeds/claim-review.json",
      organisation: "The Desk",
    });
    expect(feed).toMatchObject({ "@type": "DataFeed", dateModified: at(5).toISOString() });
    const elements = feed.dataFeedElement as Array<{
      "@type": string;
      url: string;
      reviewRating: { ratingValue: number };
    }>;
    const reviews = elements.filter((element) => element["@type"] === "ClaimReview");
    expect(reviews.map((review) => review.url)).toEqual([
      "https://news.example/stories/alpha/v/2#claim-claim-0",
      "https://news.example/stories/alpha/v/2#claim-claim-1",
      "https://news.example/stories/beta/v/1#claim-claim-0",
      "https://news.example/stories/beta/v/1#claim-claim-1",
    ]);
    expect(reviews.map((review) => review.reviewRating.ratingValue)).toEqual([3, 1, 3, 1]);
    // The claims about the videos (their words say so) are MediaReviews too; the others are not.
    expect(elements.filter((element) => element["@type"] === "MediaReview").map((review) => review.url)).toEqual([
      "https://news.example/stories/alpha/v/2#claim-claim-0",
      "https://news.example/stories/beta/v/1#claim-claim-0",
    ]);
  });
});

describe("the read API's resources", () => {
  it("counts verdicts and names reviewers without their ids", () => {
    expect(verdictCounts(content(["supported", "partly_supported", "supported"]))).toEqual({
      total: 3,
      supported: 2,
      partly_supported: 1,
      unsupported: 0,
    });
    const resource = versionResource({
      slug: "alpha",
      number: 1,
      title: "Alpha",
      url: "https://news.example/stories/alpha/v/1",
      publishedAt: at(1),
      correctionNote: null,
      content: content(["supported"]),
    });
    expect(resource.claims[0]).toMatchObject({
      approvedBy: "Rosa Díaz",
      verdictText: "Supported",
      quotes: [{ exact: "released two videos" }],
    });
    expect(JSON.stringify(resource)).not.toContain("user-rosa");
  });

  it("accepts a version number written plainly, and nothing else", () => {
    expect(versionNumberSchema.parse("12")).toBe(12);
    for (const bad of ["0", "01", "-1", "1.5", "1e3", "", "abc", "9999999999"])
      expect(versionNumberSchema.safeParse(bad).success, bad).toBe(false);
  });

  it("describes every resource in the OpenAPI document it serves", () => {
    const document = openApiDocument("https://news.example") as {
      servers: Array<{ url: string }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(document.servers[0]!.url).toBe("https://news.example/api/v1");
    expect(Object.keys(document.components.schemas).sort()).toEqual(["Error", "StoryList", "Version"]);
    expect(Object.keys(document.components.schemas.Version!.properties!)).toContain("correctionNote");
  });
});
