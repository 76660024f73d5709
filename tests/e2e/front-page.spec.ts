import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { createPrisma } from "../../server/db/create-prisma";
import { copyDemoStory, expect, seriousAxeViolations, test } from "../support/e2e/test";
import { DEMO_CHECK, publishCorrection, publishStoryWithClaims } from "../support/e2e/published-story";

// The public front page and the outlet pages, signed out. The suite's database holds whatever the other specs
// published; each test finds its own checks by words only they have in their titles.

const CHECK_WORD = `frontpage${randomUUID().slice(0, 8)}`;
const SERIES_WORD = `series${randomUUID().slice(0, 8)}`;
const SERIES_SIZE = 12;
let slug = "";

/** Renames a story before it is published: a version takes its story's title. */
async function renameStory(storySlug: string, title: string): Promise<void> {
  const prisma = createPrisma(E2E_DATABASE_URL);
  try {
    await prisma.story.update({ where: { slug: storySlug }, data: { title } });
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Stories whose one version is a copy of the published version of `slug`, under other titles, published in
 * 2020 (older than anything the suite publishes today): a list long enough to need a second page, without
 * publishing a dozen checks through the collaboration server.
 */
async function publishedCopies(fromSlug: string, titles: string[]): Promise<void> {
  const prisma = createPrisma(E2E_DATABASE_URL);
  try {
    const story = await prisma.story.findUniqueOrThrow({ where: { slug: fromSlug }, select: { id: true } });
    const version = await prisma.version.findFirstOrThrow({ where: { storyId: story.id, number: 1 } });
    for (const [i, title] of titles.entries()) {
      await prisma.story.create({
        data: {
          slug: `${SERIES_WORD}-${i}`,
          title,
          status: "published",
          versions: {
            create: {
              number: 1,
              title,
              content: version.content,
              yState: version.yState,
              publishedById: version.publishedById,
              publishedAt: new Date(Date.UTC(2020, 0, 1 + i)),
            },
          },
        },
      });
    }
  } finally {
    await prisma.$disconnect();
  }
}

test.beforeAll(async () => {
  slug = await copyDemoStory();
  await renameStory(slug, `CIA recruitment videos, checked (${CHECK_WORD})`);
  await publishStoryWithClaims(slug, DEMO_CHECK);
  await publishedCopies(
    slug,
    Array.from({ length: SERIES_SIZE }, (_, i) => `CIA videos, day ${i + 1} (${SERIES_WORD})`),
  );
  await publishCorrection(slug, "The second claim's quote now names the CIA Director.");
});

async function search(page: Page, words: string): Promise<void> {
  await page.getByRole("searchbox", { name: "Search the checks" }).fill(words);
  await page.getByRole("button", { name: "Search" }).click();
  await page.waitForURL(/[?&]q=/);
}

const listed = (page: Page) => page.getByTestId("check-list").getByTestId("listed-check");

test("a signed-out visitor sees the latest checks with their verdicts, corrections and outlets", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Latest fact checks" })).toBeVisible();
  await expect(page.getByTestId("demo-banner")).toHaveCount(0);
  // Published last of all the suite's checks so far: first on the page.
  const first = listed(page).first();
  await expect(first.getByRole("heading", { level: 2 })).toHaveText(`CIA recruitment videos, checked (${CHECK_WORD})`);
  await expect(first.getByTestId("verdict-counts")).toHaveText(/3 claims:\s*3 supported/);
  await expect(first.getByTestId("correction-mark")).toHaveText("Corrected · version 2");
  await expect(first).toContainText("The CIA has released two Mandarin-language recruitment videos");
  await expect(first.getByRole("link", { name: "NBC News" })).toBeVisible();
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]').first()).toHaveAttribute(
    "href",
    /\/feeds\/checks\.atom$/,
  );

  await first.getByRole("link", { name: CHECK_WORD }).click();
  await expect(page).toHaveURL(new RegExp(`/stories/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(CHECK_WORD);
});

test("the front page and a check's page fetch no page the reader has not opened", async ({ page }) => {
  // Next's links prefetch every page they point to when they come into view or are hovered: on a phone, a page
  // per outlet decoded while the reader reads (and rendered by the server for nobody).
  const prefetches: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).searchParams.has("_rsc")) prefetches.push(request.url());
  });
  for (const path of ["/", `/stories/${slug}`]) {
    await page.goto(path, { waitUntil: "networkidle" });
    await page.mouse.wheel(0, 2_000);
    await page.getByRole("link", { name: "Corroborate", exact: true }).hover();
    if (path === "/") await listed(page).first().getByRole("link", { name: "NBC News" }).hover();
    // A prefetch starts a moment after a link comes into view or is hovered: give it that moment.
    await page.waitForRequest((request) => request.url().includes("_rsc="), { timeout: 1_500 }).catch(() => null);
  }
  expect(prefetches).toEqual([]);
  // The links still lead where they say.
  await page.goto("/");
  await listed(page).first().getByRole("link", { name: "NBC News" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("NBC News");
});

test("search finds checks by words of their titles and summaries", async ({ page }) => {
  await page.goto("/");
  await search(page, CHECK_WORD);
  await expect(page.getByRole("status")).toHaveText(`1 check matches “${CHECK_WORD}”. Show all checks`);
  await expect(listed(page)).toHaveCount(1);

  // The title's word and a word of the summary, in another case.
  await search(page, `${CHECK_WORD.toUpperCase()} mandarin ratcliffe`);
  await expect(listed(page)).toHaveCount(1);
  await expect(page.getByRole("searchbox", { name: "Search the checks" })).toHaveValue(
    `${CHECK_WORD.toUpperCase()} mandarin ratcliffe`,
  );

  await search(page, `${CHECK_WORD} zebra`);
  await expect(listed(page)).toHaveCount(0);
  await expect(page.getByText("No published check matches this search.")).toBeVisible();
  await page.getByRole("link", { name: "Show all checks" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("a long result is paginated, ten a page, with links both ways", async ({ page }) => {
  await page.goto(`/?q=${SERIES_WORD}`);
  await expect(page.getByRole("status")).toContainText(`${SERIES_SIZE} checks match`);
  await expect(listed(page)).toHaveCount(10);
  // Newest first: day 12 of the series was published last.
  await expect(listed(page).first().getByRole("heading")).toHaveText(`CIA videos, day 12 (${SERIES_WORD})`);
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages).toContainText("Page 1 of 2");
  await pages.getByRole("link", { name: "Older checks →" }).click();
  await expect(page).toHaveURL(new RegExp(`\\?q=${SERIES_WORD}&page=2$`));
  await expect(listed(page)).toHaveCount(2);
  await expect(listed(page).last().getByRole("heading")).toHaveText(`CIA videos, day 1 (${SERIES_WORD})`);
  await pages.getByRole("link", { name: "← Newer checks" }).click();
  await expect(page).toHaveURL(new RegExp(`\\?q=${SERIES_WORD}$`));
  await expect(listed(page)).toHaveCount(10);
  // A page past the end lists nothing and offers the way back.
  await page.goto(`/?q=${SERIES_WORD}&page=9`);
  await expect(listed(page)).toHaveCount(0);
  await expect(pages.getByRole("link", { name: "← Newer checks" })).toBeVisible();
});

test("an outlet's page lists the checks that quote it", async ({ page }) => {
  await page.goto("/");
  await listed(page).first().getByRole("link", { name: "Bloomberg" }).click();
  await expect(page).toHaveURL(/\/outlets\/Bloomberg$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checks quoting Bloomberg");
  await expect(listed(page).first().getByRole("heading")).toContainText(CHECK_WORD);

  await page.goto("/outlets/NBC%20News");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checks quoting NBC News");
  await expect(listed(page).first()).toContainText(CHECK_WORD);
  // Every check in the list quotes NBC News.
  for (const check of await listed(page).all())
    await expect(check.getByRole("link", { name: "NBC News" })).toBeVisible();

  expect((await page.goto("/outlets/An%20outlet%20nobody%20quotes"))?.status()).toBe(404);
});

test("without JavaScript the front page lists, searches and pages", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(listed(page).first()).toContainText(CHECK_WORD);
  await search(page, SERIES_WORD);
  await expect(listed(page)).toHaveCount(10);
  await page.getByRole("link", { name: "Older checks →" }).click();
  await expect(listed(page)).toHaveCount(2);
  await page.getByRole("link", { name: "NBC News" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checks quoting NBC News");
  await context.close();
});

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`the front page and an outlet page pass axe on a ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const path of ["/", `/?q=${SERIES_WORD}`, "/outlets/NBC%20News"]) {
      await page.goto(path);
      await expect(listed(page).first()).toBeVisible();
      expect(await seriousAxeViolations(page), path).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(viewport.width);
    }
    await page.goto("/");
    await page.screenshot({ path: test.info().outputPath(`front-page-${viewport.name}.png`), fullPage: true });
  });
}
