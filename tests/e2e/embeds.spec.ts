import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { E2E_BASE_URL, E2E_DATABASE_URL } from "../../playwright.config";
import { createPrisma } from "../../server/db/create-prisma";
import { copyDemoStory, expect, seriousAxeViolations, test } from "../support/e2e/test";
import { DEMO_CHECK, DEMO_CHECK_CLAIMS, publishStoryWithClaims } from "../support/e2e/published-story";

// A claim embedded in another site's article: a page on another origin (a small server on 127.0.0.1, while the
// app is on localhost) frames /embed/claims/<id>, as a newsroom's partner would.

let slug = "";
/** The published claims' ids by their words. */
const claimIds = new Map<string, string>();
let otherSite: Server;
let otherOrigin = "";
/** The HTML the other site serves at its next request. */
let otherPage = "";

test.beforeAll(async () => {
  slug = await copyDemoStory();
  await publishStoryWithClaims(slug, DEMO_CHECK);
  const prisma = createPrisma(E2E_DATABASE_URL);
  try {
    const version = await prisma.version.findFirstOrThrow({ where: { story: { slug } }, select: { content: true } });
    const content = JSON.parse(version.content) as { claims: Array<{ id: string; text: string }> };
    for (const claim of content.claims) claimIds.set(claim.text, claim.id);
  } finally {
    await prisma.$disconnect();
  }
  otherSite = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(otherPage);
  });
  await new Promise<void>((resolve) => otherSite.listen(0, "127.0.0.1", resolve));
  otherOrigin = `http://127.0.0.1:${(otherSite.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => otherSite.close(resolve));
});

const article = (frame: string) =>
  `<!doctype html><html lang="en"><head><title>A partner's article</title></head><body><h1>Our story</h1>${frame}<p>More of our story.</p></body></html>`;

const idOf = (words: string) => claimIds.get(words) ?? "";

test("another site frames a claim: its verdict and evidence show inside the frame", async ({ page }) => {
  const id = idOf(DEMO_CHECK_CLAIMS.first);
  otherPage = article(
    `<iframe src="${E2E_BASE_URL}/embed/claims/${id}" width="560" height="420" title="Fact check"></iframe>`,
  );
  await page.goto(otherOrigin);
  expect(new URL(page.url()).origin).not.toBe(new URL(E2E_BASE_URL).origin);
  const frame = page.frameLocator("iframe");
  const claim = frame.getByTestId("embedded-claim");
  await expect(claim.getByRole("heading", { level: 1 })).toHaveText(`“${DEMO_CHECK_CLAIMS.first}”`);
  await expect(claim).toContainText("Supported");
  await expect(claim).toContainText("The CIA on Thursday released two social media videos");
  await expect(claim).toContainText("NBC News");
  await expect(claim).toContainText("Bloomberg");
  const link = claim.getByRole("link", { name: "Test copy: CIA Launches Social Media Campaign" });
  await expect(link).toHaveAttribute("href", `${E2E_BASE_URL}/stories/${slug}#claim-${id}`);
  await expect(link).toHaveAttribute("target", "_blank");
  await page.screenshot({ path: test.info().outputPath("embed-in-another-site.png") });
});

test("only embeds may be framed: the reader page and the newsroom refuse", async ({ browser, request }) => {
  const embed = await request.get(`/embed/claims/${idOf(DEMO_CHECK_CLAIMS.second)}`);
  expect(embed.status()).toBe(200);
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  for (const path of [`/stories/${slug}`, "/", "/signin"]) {
    const response = await request.get(path);
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
  }

  // A context without the CSP watch: the refusal to be framed is itself a violation.
  const context = await browser.newContext();
  const page = await context.newPage();
  otherPage = article(
    `<iframe src="${E2E_BASE_URL}/stories/${slug}" width="560" height="420" title="Refused"></iframe>`,
  );
  await page.goto(otherOrigin);
  // The browser shows its error page in the frame instead of the check.
  await expect.poll(() => page.frames().map((frame) => frame.url())).toContain("chrome-error://chromewebdata/");
  await expect(page.frameLocator("iframe").getByRole("heading", { level: 1 })).toHaveCount(0);
  await context.close();

  expect((await request.get("/embed/claims/no-such-claim")).status()).toBe(404);
  expect((await request.get("/embed/claims/not%20an%20id")).status()).toBe(404);
});

test("oEmbed: the reader page links its endpoint, which returns an iframe of the claim that works elsewhere", async ({
  page,
  request,
}) => {
  await page.goto(`/stories/${slug}`);
  const discovery = page.locator('link[rel="alternate"][type="application/json+oembed"]');
  const endpoint = await discovery.getAttribute("href");
  expect(endpoint).toContain(`/api/oembed?url=${encodeURIComponent(`${E2E_BASE_URL}/stories/${slug}`)}`);

  // The check's own address embeds its first claim.
  const forCheck = await request.get(endpoint!);
  expect(forCheck.status()).toBe(200);
  expect(forCheck.headers()["access-control-allow-origin"]).toBe("*");
  const checkAnswer = await forCheck.json();
  expect(checkAnswer).toMatchObject({
    version: "1.0",
    type: "rich",
    provider_name: "Corroborate Newsroom",
    width: 560,
  });
  expect(checkAnswer.html).toContain(`src="${E2E_BASE_URL}/embed/claims/${idOf(DEMO_CHECK_CLAIMS.first)}"`);

  // A claim's permalink embeds that claim, within the consumer's maximum size.
  const permalink = `${E2E_BASE_URL}/stories/${slug}#claim-${idOf(DEMO_CHECK_CLAIMS.second)}`;
  const forClaim = await request.get(`/api/oembed?url=${encodeURIComponent(permalink)}&maxwidth=400`);
  const claimAnswer = await forClaim.json();
  expect(claimAnswer.width).toBe(400);
  expect(claimAnswer.title).toContain(DEMO_CHECK_CLAIMS.second);

  // A consumer puts the html into its page: the claim shows in the frame.
  otherPage = article(claimAnswer.html);
  await page.goto(otherOrigin);
  await expect(page.frameLocator("iframe").getByTestId("embedded-claim")).toContainText(
    "with urgency, creativity, and grit",
  );

  expect((await request.get(`/api/oembed?url=${encodeURIComponent(permalink)}&format=xml`)).status()).toBe(501);
  expect(
    (await request.get(`/api/oembed?url=${encodeURIComponent("https://evil.example/embed/claims/x")}`)).status(),
  ).toBe(404);
  expect((await request.get("/api/oembed")).status()).toBe(400);
});

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 360, height: 640 },
]) {
  test(`an embed passes axe on a ${viewport.name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/embed/claims/${idOf(DEMO_CHECK_CLAIMS.first)}`);
    await expect(page.getByTestId("embedded-claim")).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  });
}
