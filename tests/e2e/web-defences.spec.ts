import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { E2E_BASE_URL, E2E_COLLAB_URL, E2E_DATABASE_URL } from "../../playwright.config";
import { createPrisma } from "../../server/db/create-prisma";
import { SignInPage } from "../support/e2e/pages/sign-in-page";
import { DEMO_PASSWORD, demoUser, expect, signedInPage, test } from "../support/e2e/test";

const APP = new URL(E2E_BASE_URL);

/** The hostile callbackUrl values of issue 13, as they appear in a link's query string. */
const HOSTILE_CALLBACKS = ["/\\evil", "/%5Cevil.example/", "/%09/evil", "//evil", "https://evil", "/..//evil.example/"];

/** Fails the test if the page ever asks another host for anything (a redirect there, a script, an image). */
function keepOnSite(page: Page): string[] {
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    const host = new URL(request.url()).hostname;
    if (host !== APP.hostname && host !== "127.0.0.1") elsewhere.push(request.url());
  });
  return elsewhere;
}

test.describe("callbackUrl", () => {
  for (const callback of HOSTILE_CALLBACKS) {
    test(`signing in from /signin?callbackUrl=${callback} lands on this site's story list`, async ({ page }) => {
      const elsewhere = keepOnSite(page);
      await page.goto(`/signin?callbackUrl=${callback}`);
      await new SignInPage(page).signIn(demoUser("editor").email, DEMO_PASSWORD);
      await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
      await expect(page.getByTestId("story-list")).toBeVisible();
      expect(new URL(page.url()).origin).toBe(APP.origin);
      expect(new URL(page.url()).pathname).toBe("/");
      // Signed in already, the sign-in page sends the browser on at once: to the same place.
      await page.goto(`/signin?callbackUrl=${callback}`);
      await expect(page).toHaveURL(`${APP.origin}/`);
      expect(elsewhere).toEqual([]);
    });
  }

  test("a path on this site, with its query, is followed", async ({ page }) => {
    await page.goto(`/signin?callbackUrl=${encodeURIComponent("/review?from=link")}`);
    await new SignInPage(page).signIn(demoUser("reviewer").email, DEMO_PASSWORD);
    await expect(page).toHaveURL(`${APP.origin}/review?from=link`);
  });
});

test.describe("requests that change something", () => {
  const planted = (label: string) => `Planted by ${label} ${Date.now()}`;

  /** Whether a story with this title exists in the test database. */
  async function storyExists(title: string): Promise<boolean> {
    const prisma = createPrisma(E2E_DATABASE_URL);
    try {
      return (await prisma.story.count({ where: { title } })) > 0;
    } finally {
      await prisma.$disconnect();
    }
  }

  /**
   * Serves, at `attackerUrl`, a page that posts a text/plain form to the app as soon as it loads: the body
   * reads as JSON ({"title":"…","pad":"="}), the classic way to forge a JSON request without asking the
   * browser first. Returns the app's answer to the forged post.
   */
  async function forgedFormPost(page: Page, attackerUrl: string, title: string) {
    await page.route(attackerUrl, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><form method="POST" action="${APP.origin}/api/stories" enctype="text/plain">
          <input type="hidden" name='{"title":"${title}","pad":"' value='"}'>
        </form><script>document.forms[0].submit()</script>`,
      }),
    );
    const answer = page.waitForResponse(
      (response) => response.url() === `${APP.origin}/api/stories` && response.request().method() === "POST",
    );
    await page.goto(attackerUrl);
    return answer;
  }

  test("a signed-in editor's browser refuses to carry a text/plain form post from another site", async ({
    browser,
  }) => {
    const page = await signedInPage(browser, demoUser("editor"));
    const title = planted("another site");
    const answer = await forgedFormPost(page, "http://evil.example/cat-pictures", title);
    expect(answer.status()).toBe(403);
    expect(await answer.json()).toEqual({ error: expect.stringContaining("did not come from a page of this site") });
    expect(await storyExists(title)).toBe(false);
  });

  test("a same-site page (another port on the same host, which gets the session cookie) is refused too", async ({
    browser,
  }) => {
    const page = await signedInPage(browser, demoUser("editor"));
    const title = planted("a same-site page");
    const answer = await forgedFormPost(page, `http://${APP.hostname}:${Number(APP.port) + 7}/innocent`, title);
    expect((await answer.request().allHeaders())["cookie"]).toContain("session-token");
    expect(answer.status()).toBe(403);
    expect(await storyExists(title)).toBe(false);
  });

  test("the app's own JSON request from its page works", async ({ browser }) => {
    const page = await signedInPage(browser, demoUser("editor"));
    const title = planted("the app itself");
    const status = await page.evaluate(
      async (body) => {
        const response = await fetch("/api/stories", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        return response.status;
      },
      { title },
    );
    expect(status).toBe(201);
    expect(await storyExists(title)).toBe(true);
  });

  test("over plain HTTP: JSON with this site's Origin works; no Origin, another Origin or another content type is refused", async ({
    browser,
  }) => {
    const page = await signedInPage(browser, demoUser("editor"));
    const request = page.context().request;
    const post = (headers: Record<string, string>, data: string) => request.post("/api/stories", { headers, data });
    const json = JSON.stringify({ title: planted("a script") });

    const sameOrigin = await post({ origin: APP.origin, "content-type": "application/json" }, json);
    expect(sameOrigin.status()).toBe(201);
    expect(await sameOrigin.json()).toEqual({ id: expect.any(String), slug: expect.any(String) });
    expect(
      (
        await post(
          { "sec-fetch-site": "same-origin", "content-type": "application/json" },
          JSON.stringify({ title: planted("a fetch") }),
        )
      ).status(),
    ).toBe(201);

    const refusedHeaders: Array<Record<string, string>> = [
      { "content-type": "application/json" },
      { origin: "https://evil.example", "content-type": "application/json" },
      { origin: `http://${APP.hostname}:1`, "content-type": "application/json" },
      { origin: "null", "content-type": "application/json" },
      { "sec-fetch-site": "same-site", "content-type": "application/json" },
      { origin: "https://evil.example", "content-type": "text/plain" },
    ];
    for (const headers of refusedHeaders) {
      const refused = await post(headers, json);
      expect(refused.status(), JSON.stringify(headers)).toBe(403);
      expect((await refused.json()).error).toMatch(/did not come from a page of this site/);
    }
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const refused = await post({ origin: APP.origin, "content-type": contentType }, json);
      expect(refused.status(), contentType).toBe(415);
      expect((await refused.json()).error).toMatch(/JSON/);
    }
    // Every method that changes something, on every kind of route.
    expect(
      (await request.delete("/api/stories/x/sources/y", { headers: { origin: "https://evil.example" } })).status(),
    ).toBe(403);
    expect(
      (
        await request.patch("/api/users/x", { headers: { origin: "https://evil.example" }, data: { role: "admin" } })
      ).status(),
    ).toBe(403);
    expect(
      (
        await request.post("/api/collab-token", {
          headers: { origin: APP.origin, "content-type": "text/plain" },
          data: "{}",
        })
      ).status(),
    ).toBe(415);
    // Reads are not affected.
    expect((await request.get("/api/stories/x/review")).status()).not.toBe(403);
  });

  test("next-auth's own form posts keep working (they carry its CSRF token)", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(demoUser("reviewer").email, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin$/);
  });
});

test.describe("security headers", () => {
  test("every page carries a nonce-based CSP, a fresh nonce each time, on Next's own scripts too", async ({ page }) => {
    const collabPort = new URL(E2E_COLLAB_URL).port;
    const nonces = new Set<string>();
    for (const path of ["/signin", "/about", "/signin"]) {
      const response = await page.goto(path);
      const headers = response?.headers() ?? {};
      const policy = headers["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? "";
      expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain(`connect-src 'self' ws://${APP.hostname}:${collabPort}`);
      expect(policy).not.toContain("unsafe-eval");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["x-frame-options"]).toBe("DENY");
      // Over http, no HSTS (it would be ignored) and no upgrade of ws:// to wss://.
      expect(headers["strict-transport-security"]).toBeUndefined();
      expect(policy).not.toContain("upgrade-insecure-requests");
      const scriptNonces = await page
        .locator("script[src]")
        .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
      expect(scriptNonces.length).toBeGreaterThan(0);
      expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);
  });

  test("JSON answers carry nosniff too", async ({ request }) => {
    const response = await request.get("/api/auth/session");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("no other site can frame the app", async ({ browser }) => {
    // A context without the CSP watch: the refusal to be framed is itself a violation.
    const context = await browser.newContext();
    const page = await context.newPage();
    // A real page on this machine (Chromium lets no public site, nor a page Playwright makes up, frame a local address).
    const server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end(`<!doctype html><iframe src="${APP.origin}/signin"></iframe>`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const framed = page.waitForResponse(`${APP.origin}/signin`);
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect((await framed).headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    // The browser shows its error page in the frame instead of the app.
    await expect.poll(() => page.frames().map((frame) => frame.url())).toContain("chrome-error://chromewebdata/");
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "Sign in" })).toHaveCount(0);
    await context.close();
    server.close();
  });
});
