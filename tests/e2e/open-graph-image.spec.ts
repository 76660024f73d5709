import { copyDemoStory, expect, test } from "../support/e2e/test";
import { DEMO_CHECK, publishCorrection, publishStoryWithClaims } from "../support/e2e/published-story";

// Each published version has its own Open Graph image, which the reader page names and caches keep a year.

let slug = "";

test.beforeAll(async () => {
  slug = await copyDemoStory();
  await publishStoryWithClaims(slug, DEMO_CHECK);
  await publishCorrection(slug, "A correction, so that the check has two versions.");
});

test("the reader page names its version's image: a PNG, immutable, one per version", async ({ page, request }) => {
  await page.goto(`/stories/${slug}`);
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toMatch(new RegExp(`/stories/${slug}/v/2/og\\.png$`));
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1200");

  const latest = await request.get(new URL(image!).pathname);
  expect(latest.status()).toBe(200);
  expect(latest.headers()["content-type"]).toBe("image/png");
  expect(latest.headers()["cache-control"]).toContain("immutable");
  const body = await latest.body();
  expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(body.length).toBeGreaterThan(5_000);

  // The first version keeps its own image.
  await page.goto(`/stories/${slug}/v/1`);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/v\/1\/og\.png$/);
  const first = await request.get(`/stories/${slug}/v/1/og.png`);
  expect(first.status()).toBe(200);
  expect(Buffer.compare(await first.body(), body)).not.toBe(0);

  await page.goto(`/stories/${slug}/v/2/og.png`);
  await page.screenshot({ path: test.info().outputPath("open-graph-image.png") });

  expect((await request.get(`/stories/${slug}/v/3/og.png`)).status()).toBe(404);
  expect((await request.get(`/stories/${slug}/v/01/og.png`)).status()).toBe(404);
  expect((await request.get("/stories/no-such-story/v/1/og.png")).status()).toBe(404);
});
