import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATABASE_URL } from "../../playwright.config";
import { en } from "../../lib/i18n/messages/en";
import { createPrisma } from "../../server/db/create-prisma";
import { copyDemoStory, expect, seriousAxeViolations, test } from "../support/e2e/test";
import {
  DEMO_CHECK,
  DEMO_CHECK_CLAIMS,
  publishCorrection,
  publishStoryWithClaims,
} from "../support/e2e/published-story";

// The reader's chrome in English and Arabic (right to left) on every reader page under /ar: the front page, the
// outlet pages, a check and its versions, the about page, the embeds and the not-found page.

const WORD = `languages${randomUUID().slice(0, 8)}`;
const TITLE = `CIA recruitment videos, checked (${WORD})`;

let slug = "";
const CORRECTION = "Clarified the sources of the first claim.";

test.beforeAll(async () => {
  slug = await copyDemoStory();
  const prisma = createPrisma(E2E_DATABASE_URL);
  try {
    await prisma.story.update({ where: { slug }, data: { title: TITLE } });
  } finally {
    await prisma.$disconnect();
  }
  await publishStoryWithClaims(slug, DEMO_CHECK);
  await publishCorrection(slug, CORRECTION);
});

/**
 * Every run of English words of the English message file (the text between its `{placeholders}`), so that a
 * label left untranslated on an Arabic page is found whichever it is.
 */
function englishChrome(): string[] {
  const texts = (messages: object): string[] =>
    Object.values(messages).flatMap((value) => (typeof value === "string" ? [value] : texts(value as object)));
  const fragments = texts(en)
    .flatMap((text) => text.split(/\{\w+\}/))
    .map((fragment) => fragment.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, ""))
    .filter((fragment) => /[A-Za-z]{3,}/.test(fragment));
  return [...new Set(fragments)];
}

/**
 * The English labels on the page outside the check's own published words (`[data-published]`, which stay as
 * written; a `[data-chrome]` label inside them still counts): its text and its accessible names and titles.
 */
async function englishChromeOn(page: Page): Promise<string[]> {
  const chrome = await page.evaluate(() => {
    const parts: string[] = [];
    const isChrome = (element: Element) => {
      const published = element.closest("[data-published]");
      const label = element.closest("[data-chrome]");
      return !published || (label !== null && published.contains(label));
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style") || !isChrome(parent)) continue;
      parts.push(node.textContent ?? "");
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]"))
      if (isChrome(element))
        for (const name of ["aria-label", "title", "placeholder", "alt"]) parts.push(element.getAttribute(name) ?? "");
    return parts.join("\n");
  });
  return englishChrome().filter((fragment) => new RegExp(`\\b${fragment}\\b`).test(chrome));
}

test("the language switch opens the front page in Arabic, right to left, with the check's own words as published", async ({
  page,
}) => {
  await page.goto(`/?q=${WORD}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await page.getByTestId("language-switch").getByRole("link", { name: "العربية" }).click();
  await expect(page).toHaveURL(new RegExp(`/ar\\?q=${WORD}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("أحدث عمليات التحقق من الحقائق");
  await expect(page.getByRole("status")).toContainText(`عملية تحقق واحدة تطابق «${WORD}»`);
  const check = page.getByTestId("listed-check");
  await expect(check).toHaveCount(1);
  // The check's title and summary are not translated.
  await expect(check.getByRole("heading", { level: 2 })).toHaveText(TITLE);
  await expect(check).toContainText("The CIA has released two Mandarin-language recruitment videos");
  await expect(check.getByTestId("verdict-counts")).toContainText("مؤكَّد");

  // Searching from the Arabic page stays in Arabic.
  await page.getByRole("searchbox", { name: "ابحث في عمليات التحقق" }).fill(`${WORD} zebra`);
  await page.getByRole("button", { name: "بحث" }).click();
  await expect(page).toHaveURL(/\/ar\?q=/);
  await expect(page.getByText("لا توجد عملية تحقق منشورة تطابق هذا البحث.")).toBeVisible();

  // An outlet's page in Arabic, and back to English.
  await page.goto(`/ar?q=${WORD}`);
  await check.getByRole("link", { name: "NBC News" }).click();
  await expect(page).toHaveURL(/\/ar\/outlets\/NBC%20News$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("عمليات التحقق التي تقتبس من NBC News");
  await page.getByTestId("language-switch").getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/outlets\/NBC%20News$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checks quoting NBC News");
});

test("without JavaScript the Arabic front page is right to left and searchable", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByRole("searchbox", { name: "ابحث في عمليات التحقق" }).fill(WORD);
  await page.getByRole("button", { name: "بحث" }).click();
  await expect(page.getByTestId("listed-check")).toHaveCount(1);
  await context.close();
});

test("only translated pages have a locale's address; the newsroom stays in English", async ({ request }) => {
  for (const path of ["/ar/signin", "/ar/stories/anything/edit", "/ar/admin/users"])
    expect((await request.get(path)).status(), path).toBe(404);
  // A client cannot pick the language by sending the proxy's header itself.
  const html = await (await request.get("/", { headers: { "x-locale": "ar" } })).text();
  expect(html).toContain('<html lang="en" dir="ltr"');
});

test("the check page switches to Arabic, right to left, with every label translated and the check as published", async ({
  page,
}) => {
  await page.goto(`/stories/${slug}/v/1`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByTestId("language-switch").getByRole("link", { name: "العربية" }).click();
  await expect(page).toHaveURL(new RegExp(`/ar/stories/${slug}/v/1$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  // The check's own words as published.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.getByTestId("reader-summary")).toContainText(DEMO_CHECK_CLAIMS.first);
  await expect(page.getByTestId("newer-version")).toContainText(CORRECTION);
  await expect(page.getByRole("heading", { name: "التغطية" })).toBeVisible();
  expect(await englishChromeOn(page)).toEqual([]);

  // The popover (a client island) speaks Arabic too.
  await page.getByTestId("reader-summary").locator("a[data-claim-id][id]").first().click();
  const popover = page.getByTestId("evidence-popover");
  await expect(popover.getByRole("heading", { name: "أدلة الادعاء 1" })).toBeVisible();
  await expect(popover.getByRole("button", { name: "إغلاق" })).toBeVisible();
  await expect(popover).toContainText("مؤكَّد");
  expect(await englishChromeOn(page)).toEqual([]);

  // The newer version, in Arabic, and back to English.
  await page.getByTestId("newer-version").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/ar/stories/${slug}$`));
  await expect(page.getByText(`تصحيح: ${CORRECTION}`)).toBeVisible();
  expect(await englishChromeOn(page)).toEqual([]);
  await page.getByTestId("language-switch").getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new RegExp(`/stories/${slug}$`));
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { name: "Coverage" })).toBeVisible();
  // The scan finds English labels where they are.
  expect(await englishChromeOn(page)).toContain("Claims and evidence");
});

test("the embed, the about page and the not-found page in Arabic", async ({ page }) => {
  await page.goto(`/stories/${slug}`);
  const claimId = await page
    .getByTestId("reader-summary")
    .locator("a[data-claim-id]")
    .first()
    .getAttribute("data-claim-id");
  await page.goto(`/ar/embed/claims/${claimId}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("embedded-claim")).toContainText(DEMO_CHECK_CLAIMS.first);
  await expect(page.getByTestId("embedded-claim").getByRole("link", { name: TITLE })).toHaveAttribute(
    "href",
    new RegExp(`/ar/stories/${slug}#claim-${claimId}$`),
  );
  expect(await englishChromeOn(page)).toEqual([]);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.goto("/ar/about");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("كيف نتحقق من الحقائق");
  expect(await englishChromeOn(page)).toEqual([]);
  expect(await seriousAxeViolations(page)).toEqual([]);

  const missing = await page.goto(`/ar/stories/${slug}-missing`);
  expect(missing?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("غير موجود");
  expect(await englishChromeOn(page)).toEqual([]);
});

test("the oEmbed answer of an Arabic page embeds the claim in Arabic", async ({ request }) => {
  const answer = await request.get(`/api/oembed?url=${encodeURIComponent(`${E2E_BASE_URL}/ar/stories/${slug}`)}`);
  expect(answer.status()).toBe(200);
  expect(((await answer.json()) as { html: string }).html).toMatch(/src="[^"]*\/ar\/embed\/claims\//);
});

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`every reader page passes axe in English and Arabic on a ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const path of [
      `/stories/${slug}/v/1`,
      `/ar/stories/${slug}/v/1`,
      `/ar/stories/${slug}`,
      "/about",
      "/ar/about",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await seriousAxeViolations(page), path).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(viewport.width);
    }
    await page.goto(`/ar/stories/${slug}/v/1`);
    await page.screenshot({ path: test.info().outputPath(`check-arabic-${viewport.name}.png`), fullPage: true });
    await page.getByTestId("reader-summary").locator("a[data-claim-id][id]").first().click();
    await expect(page.getByTestId("evidence-popover")).toBeVisible();
    expect(await seriousAxeViolations(page), "popover").toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`popover-arabic-${viewport.name}.png`) });
  });

  test(`the Arabic pages pass axe on a ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const path of [`/ar?q=${WORD}`, "/ar/outlets/NBC%20News"]) {
      await page.goto(path);
      await expect(page.getByTestId("listed-check").first()).toBeVisible();
      expect(await seriousAxeViolations(page), path).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(viewport.width);
    }
    await page.goto(`/ar?q=${WORD}`);
    await page.screenshot({ path: test.info().outputPath(`front-page-arabic-${viewport.name}.png`), fullPage: true });
  });
}
