import { parseFeed } from "@rowanmanning/feed-parser";
import Ajv2020 from "ajv/dist/2020.js";
import { copyDemoStory, expect, test } from "../support/e2e/test";
import {
  DEMO_CHECK,
  DEMO_CHECK_CLAIMS,
  publishCorrection,
  publishStoryWithClaims,
} from "../support/e2e/published-story";

// The public read API, its OpenAPI document, the Atom and JSON feeds and the ClaimReview data feed, read as other
// programs read them: without a session, from another origin, checked against the OpenAPI document the server
// itself serves (Ajv) and parsed by a real feed parser.

const CORRECTION = "The second claim now cites the embassy's own statement.";
const OTHER_ORIGIN = "https://elsewhere.example";

let slug = "";

test.beforeAll(async () => {
  slug = await copyDemoStory();
  await publishStoryWithClaims(slug, DEMO_CHECK);
  await publishCorrection(slug, CORRECTION);
});

test("the read API serves published versions, as its OpenAPI document says, to any origin", async ({ request }) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  const schemas = document.components.schemas as Record<string, object>;
  for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);
  const conforms = (name: string, body: unknown) => {
    const valid = ajv.validate(`#/components/schemas/${name}`, body);
    expect(ajv.errors ?? [], `${name}: ${ajv.errorsText()}`).toEqual([]);
    return valid;
  };

  const list = await request.get("/api/v1/stories?perPage=100", { headers: { Origin: OTHER_ORIGIN } });
  expect(list.status()).toBe(200);
  expect(list.headers()["access-control-allow-origin"]).toBe("*");
  const stories = await list.json();
  expect(conforms("StoryList", stories)).toBe(true);
  const ours = stories.stories.find((story: { slug: string }) => story.slug === slug);
  expect(ours).toMatchObject({ latestVersion: 2, corrected: true, claims: { total: 3, supported: 3 } });

  const latest = await request.get(`/api/v1/stories/${slug}`);
  expect(latest.headers()["cache-control"]).toContain("max-age=60");
  const latestBody = await latest.json();
  expect(conforms("Version", latestBody)).toBe(true);
  expect(latestBody).toMatchObject({ number: 2, correctionNote: CORRECTION });
  // A numbered version says nothing that a later version changes, and no editor's note on a quote.
  expect(latestBody).not.toHaveProperty("latestVersion");
  expect(latestBody.claims[0].quotes[0]).not.toHaveProperty("note");

  const first = await request.get(`/api/v1/stories/${slug}/versions/1`);
  expect(first.status()).toBe(200);
  expect(first.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const etag = first.headers()["etag"]!;
  expect(etag).toMatch(/^W\/"[\w-]+"$/);
  const version = await first.json();
  expect(conforms("Version", version)).toBe(true);
  expect(version.claims.map((claim: { text: string }) => claim.text)).toEqual(Object.values(DEMO_CHECK_CLAIMS));
  expect(version.claims[2].quotes[0].exact).toBe(
    "The Chinese embassy did not immediately respond to a request for comment.",
  );
  // People by name only: no user id leaves through the API.
  expect(JSON.stringify(version)).not.toMatch(/"approvedBy":\{/);

  const again = await request.get(`/api/v1/stories/${slug}/versions/1`, { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  expect(await again.body()).toHaveLength(0);

  const preflight = await request.fetch(`/api/v1/stories/${slug}/versions/1`, {
    method: "OPTIONS",
    headers: {
      Origin: OTHER_ORIGIN,
      "Access-Control-Request-Method": "GET",
      "Access-Control-Request-Headers": "if-none-match",
    },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-headers"]).toContain("If-None-Match");

  for (const path of [
    `/api/v1/stories/${slug}/versions/3`,
    `/api/v1/stories/${slug}/versions/01`,
    "/api/v1/stories/no-such-story",
  ]) {
    const missing = await request.get(path);
    expect(missing.status(), path).toBe(404);
    expect(conforms("Error", await missing.json())).toBe(true);
  }
  expect((await request.get("/api/v1/stories?perPage=1000")).status()).toBe(400);
});

test("the feeds of checks and of corrections parse as Atom and as JSON Feed 1.1", async ({ request }) => {
  const checksAtom = await request.get("/feeds/checks.atom");
  expect(checksAtom.headers()["content-type"]).toContain("application/atom+xml");
  const checks = parseFeed(await checksAtom.text());
  expect(checks.meta.type).toBe("atom");
  expect(checks.title).toContain("Fact checks");
  const entry = checks.items.find((item) => item.url?.endsWith(`/stories/${slug}`));
  expect(entry?.id).toBeTruthy();
  expect(entry?.title).toContain("CIA");
  expect(entry?.published).toBeInstanceOf(Date);
  expect(entry?.updated).toBeInstanceOf(Date);
  expect(entry?.description).toContain("3 claims checked: 3 supported. Corrected (version 2).");

  const corrections = parseFeed(await (await request.get("/feeds/corrections.atom")).text());
  const correction = corrections.items.find((item) => item.url?.endsWith(`/stories/${slug}/v/2`));
  expect(correction?.title).toContain("(version 2)");
  expect(correction?.description).toBe(CORRECTION);

  const json = await request.get("/feeds/corrections.json");
  expect(json.headers()["content-type"]).toContain("application/feed+json");
  const feed = await json.json();
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(feed.title).toEqual(expect.any(String));
  expect(feed.feed_url).toMatch(/\/feeds\/corrections\.json$/);
  for (const item of feed.items) {
    expect(item.id).toEqual(expect.any(String));
    expect(item.content_text ?? item.content_html).toEqual(expect.any(String));
  }
  expect(feed.items.find((item: { url: string }) => item.url.endsWith(`/stories/${slug}/v/2`))?.content_text).toBe(
    CORRECTION,
  );

  // Every page of the site links its feeds.
  const page = await request.get(`/stories/${slug}`);
  const html = await page.text();
  expect(html).toMatch(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="[^"]*\/feeds\/checks\.atom"/);
});

test("the ClaimReview data feed holds every claim of the latest versions as schema.org ClaimReviews, and MediaReviews of the claims about videos", async ({
  request,
}) => {
  const response = await request.get("/feeds/claim-review.json");
  expect(response.headers()["content-type"]).toContain("application/ld+json");
  const feed = await response.json();
  expect(feed).toMatchObject({ "@context": "https://schema.org", "@type": "DataFeed" });
  const ours = feed.dataFeedElement.filter((review: { url: string }) => review.url.includes(`/stories/${slug}/v/2#`));
  // What every review of the feed must have, ClaimReview or MediaReview (Google's required properties).
  for (const review of ours) {
    expect(review["@context"]).toBe("https://schema.org");
    expect(review.url).toMatch(new RegExp(`/stories/${slug}/v/2#claim-[\\w-]+$`));
    expect(Date.parse(review.datePublished)).not.toBeNaN();
    expect(review.author).toMatchObject({ "@type": "Organization", name: expect.any(String) });
  }
  const claimReviews = ours.filter((review: { "@type": string }) => review["@type"] === "ClaimReview");
  expect(claimReviews).toHaveLength(3);
  for (const review of claimReviews) {
    expect(review.claimReviewed).toEqual(expect.any(String));
    expect(review.reviewRating).toMatchObject({ "@type": "Rating", ratingValue: 3, bestRating: 3, worstRating: 1 });
    expect(review.itemReviewed["@type"]).toBe("Claim");
  }
  // The first claim is about the two videos (its words say so): a MediaReview of a video, original content, with
  // the sources' words for its context. The other two are about no media.
  const mediaReviews = ours.filter((review: { "@type": string }) => review["@type"] === "MediaReview");
  expect(mediaReviews).toHaveLength(1);
  const [media] = mediaReviews;
  expect(media.url).toBe(
    claimReviews.find((review: { claimReviewed: string }) => review.claimReviewed === DEMO_CHECK_CLAIMS.first)?.url,
  );
  expect(media.mediaAuthenticityCategory).toBe("OriginalMediaContent");
  expect(media.originalMediaContextDescription).toContain("The CIA on Thursday released two social media videos");
  expect(media.originalMediaContextDescription).toContain("(NBC News)");
  expect(media.itemReviewed).toMatchObject({
    "@type": "MediaReviewItem",
    interpretedAsClaim: { "@type": "Claim", description: DEMO_CHECK_CLAIMS.first },
    mediaItemAppearance: [{ "@type": "VideoObject" }],
  });
});

test("robots.txt opens the reader pages and feeds and closes the newsroom; the web manifest names the app", async ({
  request,
}) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Allow: /stories/");
  expect(robots).toContain("Disallow: /stories/*/edit");
  expect(robots).toContain("Disallow: /review");
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "Corroborate", start_url: "/" });
});
