import { E2E_BASE_URL } from "../../playwright.config";
import { SignInPage } from "../support/e2e/pages/sign-in-page";
import { DEMO_STORY_SLUG, demoUser, expect, signedInPage, test } from "../support/e2e/test";

test("a wrong password shows an error and creates no session", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(demoUser("editor").email, "not-the-password");
  await expect(signIn.error).toHaveText("Wrong email or password.");
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.includes("session-token"))).toBe(false);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

test("a signed-out visitor of / gets the public front page, without the newsroom's banner or header", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Latest fact checks" })).toBeVisible();
  await expect(page.getByTestId("demo-banner")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await expect(page.getByTestId("story-list")).toHaveCount(0);
});

test("the workspace sends a signed-out visitor to sign in and back", async ({ page }) => {
  await page.goto(`/stories/${DEMO_STORY_SLUG}/edit`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  const signIn = new SignInPage(page);
  await signIn.signIn(demoUser("reviewer").email, "corroborate");
  await expect(page).toHaveURL(new RegExp(`/stories/${DEMO_STORY_SLUG}/edit$`));
  await expect(page.getByTestId("summary-editor")).toContainText("The CIA has released");
});

test("the story list shows the demo story with its sources", async ({ browser }) => {
  const page = await signedInPage(browser, demoUser("admin"));
  await page.goto("/");
  const list = page.getByTestId("story-list");
  await expect(list).toContainText("CIA Launches Social Media Campaign to Recruit Chinese Officials");
  await expect(list).toContainText("8 sources");
  await page.locator(`a[href="/stories/${DEMO_STORY_SLUG}/edit"]`).click();
  await expect(page.getByTestId("source-select").locator("option")).toHaveCount(8);
  await page.context().close();
});

test("a signed-out request for a collaboration token is refused", async ({ request }) => {
  const response = await request.post("/api/collab-token", {
    data: { storyId: "anything" },
    headers: { origin: E2E_BASE_URL },
  });
  expect(response.status()).toBe(401);
});
