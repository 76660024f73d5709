import type { Page } from "@playwright/test";
import { copyDemoStory, demoUser, expect, seriousAxeViolations, signedInPage, test } from "../support/e2e/test";
import { DEMO_CHECK, DEMO_CHECK_CLAIMS, publishStoryWithClaims, storyIdOf } from "../support/e2e/published-story";
import { E2E_BASE_URL } from "../../playwright.config";

const { first: FIRST, second: SECOND, third: THIRD } = DEMO_CHECK_CLAIMS;

let slug = "";

test.beforeAll(async () => {
  slug = await copyDemoStory();
  await publishStoryWithClaims(slug, DEMO_CHECK);
});

function claimLink(page: Page, words: string) {
  return page
    .getByTestId("reader-summary")
    .getByRole("link", { name: new RegExp(`^${words.slice(0, 30)}.*\\(claim \\d`) });
}

test("a reader without a login reads the check, its coverage and its evidence", async ({ page }) => {
  const response = await page.goto(`/stories/${slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("CIA Launches Social Media Campaign");
  await expect(page.getByTestId("reader-summary").locator("a[data-claim-id]").first()).toBeVisible();
  const coverage = page.getByTestId("coverage-panel");
  await expect(coverage.getByRole("row", { name: /NBC News Center 3/ })).toBeVisible();
  await expect(coverage.getByRole("row", { name: /Bloomberg Bias unknown 1/ })).toBeVisible();
  const evidence = page.getByTestId("evidence-list").locator("> li").filter({ hasText: THIRD });
  await expect(evidence).toContainText("single source");
  await expect(page.getByTestId("evidence-list").locator("> li").filter({ hasText: FIRST })).toContainText(
    "2 supporting outlets",
  );
});

test("a click or keyboard focus on a claim opens its evidence, Escape closes it, and the permalink opens it", async ({
  page,
}) => {
  await page.goto(`/stories/${slug}`);
  await claimLink(page, FIRST).click();
  const popover = page.getByTestId("evidence-popover");
  await expect(popover).toBeVisible();
  await expect(popover).toContainText("The CIA on Thursday released two social media videos");
  await expect(popover).toContainText("NBC News · Center · Reliable");
  await expect(page).toHaveURL(/#claim-claim-1-/);
  await page.keyboard.press("Escape");
  await expect(popover).toHaveCount(0);
  await expect(claimLink(page, FIRST)).toBeFocused();

  await page.keyboard.press("Tab");
  await expect(claimLink(page, SECOND)).toBeFocused();
  await expect(popover).toContainText("with urgency, creativity, and grit");

  const permalink = page.url();
  const fresh = await page.context().newPage();
  await fresh.goto(permalink);
  await expect(fresh.getByTestId("evidence-popover")).toContainText(SECOND);
});

test("every claim has ClaimReview JSON-LD with the required and recommended properties", async ({ page }) => {
  await page.goto(`/stories/${slug}`);
  type ClaimReviewJson = {
    "@context": string;
    "@type": string;
    url: string;
    claimReviewed: string;
    author: unknown;
    datePublished: string;
    reviewRating: unknown;
    itemReviewed: { "@type": string; appearance: Array<{ publisher: { name: string } }>; firstAppearance: unknown };
  };
  const json = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? "null",
  ) as ClaimReviewJson[];
  expect(json.map((review) => review.claimReviewed)).toEqual([FIRST, SECOND, THIRD]);
  for (const review of json) {
    expect(review["@context"]).toBe("https://schema.org");
    expect(review["@type"]).toBe("ClaimReview");
    expect(review.url).toMatch(new RegExp(`^${E2E_BASE_URL}/stories/${slug}#claim-`));
    expect(review.author).toEqual({ "@type": "Organization", name: "Corroborate Newsroom" });
    expect(new Date(review.datePublished).getTime()).not.toBeNaN();
    expect(review.reviewRating).toEqual({
      "@type": "Rating",
      ratingValue: 3,
      bestRating: 3,
      worstRating: 1,
      alternateName: "Supported",
    });
    expect(review.itemReviewed["@type"]).toBe("Claim");
    expect(review.itemReviewed.appearance.length).toBeGreaterThan(0);
    expect(review.itemReviewed.firstAppearance).toEqual(review.itemReviewed.appearance[0]);
  }
  expect(json[0]?.itemReviewed.appearance.map((article) => article.publisher.name).sort()).toEqual([
    "Bloomberg",
    "NBC News",
  ]);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /CIA Launches/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
});

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`passes axe with no serious or critical violations on a ${viewport.name}, evidence open too`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/stories/${slug}`);
    const serious = () => seriousAxeViolations(page);
    expect(await serious()).toEqual([]);
    await claimLink(page, FIRST).click();
    await expect(page.getByTestId("evidence-popover")).toBeVisible();
    expect(await serious()).toEqual([]);
    // Nothing overflows the viewport sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  });
}

test("with JavaScript disabled, the summary and every claim's evidence are readable", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/stories/${slug}`);
  await expect(page.getByTestId("reader-summary")).toContainText(FIRST);
  const link = page.getByTestId("reader-summary").locator("a[data-claim-id]").first();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^#claim-/);
  await link.click();
  await expect(page.locator(`li${href}`)).toContainText("The CIA on Thursday released two social media videos");
  await expect(page.getByTestId("evidence-list").locator("> li")).toHaveCount(3);
  await context.close();
});

test("earlier versions stay readable with a notice and the later correction notes", async ({ page, browser }) => {
  await page.goto(`/stories/${slug}`); // version 1
  // Rosa publishes version 2 through the app (a request from its own pages: JSON, with their Origin).
  const rosa = await signedInPage(browser, demoUser("reviewer"));
  const published = await rosa.request.post(`/api/stories/${await storyIdOf(slug)}/publish`, {
    data: { correctionNote: "Clarified the sources of the first claim." },
    headers: { origin: E2E_BASE_URL },
  });
  expect(await published.json()).toEqual({ number: 2 });
  await page.goto(`/stories/${slug}/v/1`);
  await expect(page.getByTestId("newer-version")).toContainText("Read version 2");
  await expect(page.getByTestId("newer-version")).toContainText("Clarified the sources of the first claim.");
  await page.goto(`/stories/${slug}`);
  await expect(page.getByText("Correction: Clarified the sources of the first claim.")).toBeVisible();
  await expect(page.getByTestId("newer-version")).toHaveCount(0);
  expect((await page.request.get(`/stories/${slug}/v/9`)).status()).toBe(404);
});

test("an unpublished story is not reachable by a reader, nor its workspace or collaboration token", async ({
  page,
}) => {
  const unpublished = await copyDemoStory();
  expect((await page.goto(`/stories/${unpublished}`))?.status()).toBe(404);
  await page.goto(`/stories/${unpublished}/edit`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  expect(
    (
      await page.request.post("/api/collab-token", { data: { storyId: "x" }, headers: { origin: E2E_BASE_URL } })
    ).status(),
  ).toBe(401);
});
