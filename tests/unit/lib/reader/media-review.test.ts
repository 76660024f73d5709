import { describe, expect, it } from "vitest";
import { claimMedia, mediaAtUrl, mediaReviews } from "@/lib/reader/media-review";
import type { VersionContent } from "@/lib/versions/version-content";

type Source = VersionContent["sources"][number];

const source = (id: string, outlet: string | null, url: string | null): Source => ({
  id,
  outlet,
  url,
  headline: null,
  author: null,
  publishedAt: null,
  statedAge: null,
  reliabilityLabel: null,
  biasLabel: "unknown",
  contentHash: "h",
});

const quote = (id: string, sourceId: string, exact: string, stance: "supports" | "contradicts" | "context") => ({
  id,
  sourceId,
  selector: { exact, prefix: "", suffix: "", start: 0, end: exact.length },
  stance,
  note: "",
});

const content: VersionContent = {
  summary: "The CIA has released two recruitment videos. A photo shows the director. Officials have yet to respond.",
  claims: [
    {
      id: "videos",
      text: "The CIA has released two recruitment videos",
      start: 0,
      end: 43,
      verdict: "supported",
      approvedBy: { id: "u", name: "Rosa" },
      approvedAt: "2026-11-30T08:00:00.000Z",
      quotes: [
        quote("q1", "nbc", "The CIA on Thursday released two social media videos", "supports"),
        quote("q2", "bloomberg", "released two videos Thursday", "supports"),
        quote("q3", "nbc", "Officials did not respond", "context"),
      ],
    },
    {
      id: "photo",
      text: "A picture shows the director",
      start: 45,
      end: 73,
      verdict: "partly_supported",
      approvedBy: { id: "u", name: "Rosa" },
      approvedAt: "2026-11-30T08:00:00.000Z",
      quotes: [quote("q4", "clip", "the director at a desk", "context")],
    },
    {
      id: "respond",
      text: "Officials have yet to respond.",
      start: 75,
      end: 105,
      verdict: "supported",
      approvedBy: { id: "u", name: "Rosa" },
      approvedAt: "2026-11-30T08:00:00.000Z",
      quotes: [quote("q5", "nbc", "did not immediately respond", "supports")],
    },
  ],
  sources: [
    source("nbc", "NBC News", "https://www.nbcnews.com/politics/cia-videos"),
    source("bloomberg", "Bloomberg", null),
    source("clip", null, "https://youtu.be/abcDEF12345"),
  ],
};

describe("claimMedia", () => {
  const sources = new Map(content.sources.map((s) => [s.id, s]));

  it("reads media from the claim's words, or its address from a quoted source that is the media", () => {
    expect(claimMedia(content.claims[0]!, sources)).toEqual({ type: "VideoObject" });
    expect(claimMedia(content.claims[1]!, sources)).toEqual({
      type: "VideoObject",
      contentUrl: "https://youtu.be/abcDEF12345",
      embedUrl: "https://www.youtube.com/embed/abcDEF12345",
    });
    expect(claimMedia(content.claims[2]!, sources)).toBeNull();
    expect(claimMedia({ text: "Three photos were shared", quotes: [] }, sources)).toEqual({ type: "ImageObject" });
    expect(claimMedia({ text: "Videogames sell", quotes: [] }, sources)).toBeNull();
  });

  it("knows media addresses from article addresses", () => {
    expect(mediaAtUrl("https://www.youtube.com/watch?v=dQw4w9WgXcQ")).toMatchObject({
      embedUrl: "https://www.youtube.com/embed/dQw4w9WgXcQ",
    });
    expect(mediaAtUrl("https://vimeo.com/123456")).toMatchObject({ embedUrl: "https://player.vimeo.com/video/123456" });
    expect(mediaAtUrl("https://cdn.example/a/b.JPG")).toEqual({
      type: "ImageObject",
      contentUrl: "https://cdn.example/a/b.JPG",
    });
    expect(mediaAtUrl("https://www.nbcnews.com/politics/cia-videos")).toBeNull();
    expect(mediaAtUrl("javascript:alert(1).mp4")).toBeNull();
    expect(mediaAtUrl("not a url")).toBeNull();
  });
});

describe("mediaReviews", () => {
  it("reviews the claims about media, with their authenticity and the sources' words for the original context", () => {
    const reviews = mediaReviews(content, {
      pageUrl: "https://news.example/stories/cia/v/1",
      organisation: "The Desk",
      datePublished: "2026-11-30T09:00:00.000Z",
    });
    expect(reviews).toEqual([
      {
        "@context": "https://schema.org",
        "@type": "MediaReview",
        url: "https://news.example/stories/cia/v/1#claim-videos",
        datePublished: "2026-11-30T09:00:00.000Z",
        author: { "@type": "Organization", name: "The Desk" },
        mediaAuthenticityCategory: "OriginalMediaContent",
        originalMediaContextDescription:
          "“The CIA on Thursday released two social media videos” (NBC News) “released two videos Thursday” (Bloomberg)",
        itemReviewed: {
          "@type": "MediaReviewItem",
          interpretedAsClaim: { "@type": "Claim", description: "The CIA has released two recruitment videos" },
          mediaItemAppearance: [{ "@type": "VideoObject", description: "The CIA has released two recruitment videos" }],
        },
      },
      expect.objectContaining({
        url: "https://news.example/stories/cia/v/1#claim-photo",
        mediaAuthenticityCategory: "DecontextualizedContent",
        originalMediaContextDescription: "“the director at a desk”",
        originalMediaLink: "https://youtu.be/abcDEF12345",
        itemReviewed: expect.objectContaining({
          mediaItemAppearance: [
            {
              "@type": "VideoObject",
              description: "A picture shows the director",
              contentUrl: "https://youtu.be/abcDEF12345",
              embedUrl: "https://www.youtube.com/embed/abcDEF12345",
            },
          ],
        }),
      }),
    ]);
  });
});
