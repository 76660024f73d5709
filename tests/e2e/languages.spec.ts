import { randomUUID } from "node:crypto";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { createPrisma } from "../../server/db/create-prisma";
import { copyDemoStory, expect, seriousAxeViolations, test } from "../support/e2e/test";
import { DEMO_CHECK, publishStoryWithClaims } from "../support/e2e/published-story";

// The reader's chrome in English and Arabic (right to left): the front page and the outlet pages under /ar.

const WORD = `languages${randomUUID().slice(0, 8)}`;
const TITLE = `CIA recruitment videos, checked (${WORD})`;

test.beforeAll(async () => {
  const slug = await copyDemoStory();
  const prisma = createPrisma(E2E_DATABASE_URL);
  try {
    await prisma.story.update({ where: { slug }, data: { title: TITLE } });
  } finally {
    await prisma.$disconnect();
  }
  await publishStoryWithClaims(slug, DEMO_CHECK);
});

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

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
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
