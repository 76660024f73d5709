import { createHash } from "node:crypto";
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

test("the page is a static document: each response's nonce is on its one script, which runs under the policy", async ({
  page,
  request,
}) => {
  const nonces: string[] = [];
  for (const path of [`/stories/${slug}`, `/stories/${slug}`, `/ar/stories/${slug}`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.push(nonce!);
    const html = await response.text();
    // The popover's script alone, with this response's nonce: no React, no Next runtime, no RSC payload.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(
      scripts.filter((tag) => !tag.includes('type="application/ld+json"')),
      path,
    ).toEqual([
      expect.stringMatching(
        new RegExp(
          `^<script src="/_next/static/reader/evidence-popover-[\\w-]+\\.js" defer="" nonce="${nonce!.replace(/[+/=]/g, "\\$&")}">$`,
        ),
      ),
    ]);
    expect(html, path).not.toContain("/_next/static/chunks/");
  }
  expect(new Set(nonces).size).toBe(3);

  // In the browser the script runs (the test fails on any CSP violation): it is the one script loaded.
  const scripts: string[] = [];
  page.on("request", (sent) => {
    if (sent.resourceType() === "script") scripts.push(new URL(sent.url()).pathname);
  });
  await page.goto(`/stories/${slug}`);
  await claimLink(page, FIRST).click();
  await expect(page.getByTestId("evidence-popover")).toBeVisible();
  await expect(claimLink(page, FIRST)).toHaveAttribute("aria-expanded", "true");
  expect(scripts).toEqual([expect.stringMatching(/^\/_next\/static\/reader\/evidence-popover-[\w-]+\.js$/)]);
});

test("the stylesheet and the script are Next's static files, named by their content, compressed and kept a year", async ({
  request,
}) => {
  const english = await (await request.get(`/stories/${slug}`)).text();
  const stylesheet = /<link rel="stylesheet" href="(\/_next\/static\/reader\/reader-([\w-]+)\.css)"/.exec(english);
  const script = /<script src="(\/_next\/static\/reader\/evidence-popover-([\w-]+)\.js)"/.exec(english);
  expect(stylesheet).not.toBeNull();
  expect(script).not.toBeNull();
  for (const [[, path, hash], type] of [
    [stylesheet!, /^text\/css/],
    [script!, /javascript/],
  ] as const) {
    const asset = await request.get(path!, { headers: { "Accept-Encoding": "gzip" } });
    expect(asset.status(), path).toBe(200);
    expect(asset.headers()["content-type"], path).toMatch(type);
    expect(asset.headers()["cache-control"], path).toBe("public, max-age=31536000, immutable");
    expect(asset.headers()["content-encoding"], path).toBe("gzip");
    expect(
      createHash("sha256")
        .update(await asset.body())
        .digest("base64url")
        .slice(0, 12),
      path,
    ).toBe(hash);
  }
  // The site's Tailwind classes, the reader's among them.
  const css = await (await request.get(stylesheet![1]!)).text();
  for (const rule of [".bg-emerald-50", ".sr-only", ".font-serif", ".aria-expanded\\:bg-emerald-100"])
    expect(css, rule).toContain(rule);
  // The Arabic page links the same files; a name that is not one of them is not found, nor is the route that
  // serves them under next dev.
  const arabic = await (await request.get(`/ar/stories/${slug}`)).text();
  expect(arabic).toContain(stylesheet![1]!);
  expect(arabic).toContain(script![1]!);
  for (const missing of ["/_next/static/reader/reader-000000000000.css", `/reader-assets/reader-${stylesheet![2]}.css`])
    expect((await request.get(missing)).status(), missing).toBe(404);
});

test("the head holds the title, description, addresses, cards, feeds, manifest and icon", async ({ page }) => {
  const url = `${E2E_BASE_URL}/stories/${slug}`;
  await page.goto(`/stories/${slug}`);
  const head = page.locator("head");
  await expect(page).toHaveTitle(
    "Test copy: CIA Launches Social Media Campaign to Recruit Chinese Officials · Corroborate",
  );
  await expect(head.locator("meta[charset]")).toHaveAttribute("charset", "utf-8");
  await expect(head.locator('meta[name="viewport"]')).toHaveAttribute("content", "width=device-width, initial-scale=1");
  await expect(head.locator('meta[name="description"]')).toHaveAttribute(
    "content",
    /^3 claims checked against their sources\. The CIA has released two Mandarin-language recruitment videos/,
  );
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute("href", url);
  await expect(head.locator('link[rel="alternate"][type="application/json+oembed"]')).toHaveAttribute(
    "href",
    `${E2E_BASE_URL}/api/oembed?url=${encodeURIComponent(url)}&format=json`,
  );
  await expect(head.locator('meta[property="og:url"]')).toHaveAttribute("content", url);
  await expect(head.locator('meta[property="og:image"]')).toHaveAttribute("content", `${url}/v/1/og.png`);
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary");
  const feeds = await head
    .locator('link[rel="alternate"][type$="feed+json"], link[rel="alternate"][type="application/atom+xml"]')
    .evaluateAll((links) => links.map((link) => `${link.getAttribute("title")} ${link.getAttribute("href")}`));
  expect(feeds.sort()).toEqual(
    [
      `Corrections ${E2E_BASE_URL}/feeds/corrections.atom`,
      `Corrections ${E2E_BASE_URL}/feeds/corrections.json`,
      `Fact checks ${E2E_BASE_URL}/feeds/checks.atom`,
      `Fact checks ${E2E_BASE_URL}/feeds/checks.json`,
    ].sort(),
  );
  await expect(head.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(head.locator('link[rel="icon"]')).toHaveAttribute("href", /^\/icon\.svg/);
  expect((await page.request.get((await head.locator('link[rel="icon"]').getAttribute("href"))!)).status()).toBe(200);

  // In Arabic: its own addresses, the check's words as published.
  await page.goto(`/ar/stories/${slug}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute("href", `${E2E_BASE_URL}/ar/stories/${slug}`);
  await expect(page).toHaveTitle(/^Test copy: CIA Launches .* · Corroborate$/);
});

test("an unknown story or version is not found, in the address's language, and passes axe", async ({ page }) => {
  for (const [path, lang, dir, title, home] of [
    [`/stories/${slug}-missing`, "en", "ltr", "Not found", "/"],
    [`/stories/${slug}/v/9`, "en", "ltr", "Not found", "/"],
    [`/stories/${slug}/v/01`, "en", "ltr", "Not found", "/"],
    [`/ar/stories/${slug}-missing`, "ar", "rtl", "غير موجود", "/ar"],
    [`/ar/stories/${slug}/v/9`, "ar", "rtl", "غير موجود", "/ar"],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.locator("html"), path).toHaveAttribute("lang", lang);
    await expect(page.locator("html"), path).toHaveAttribute("dir", dir);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(title);
    await expect(page, path).toHaveTitle(`${title} · Corroborate`);
    await expect(page.locator("main").getByRole("link"), path).toHaveAttribute("href", home);
    expect(await seriousAxeViolations(page), path).toEqual([]);
  }
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
