import { demoUser, expect, signedInPage, test } from "../support/e2e/test";

test("an admin registers a webhook, sees its secret once, and finds it listed with its delivery log", async ({
  browser,
}, testInfo) => {
  const page = await signedInPage(browser, demoUser("admin"));
  await page.goto("/admin/webhooks");
  const form = page.getByRole("form", { name: "Register a webhook" });
  const url = `https://hooks.example.org/${testInfo.testId}`;
  await form.getByLabel("Receiver's address").fill(url);
  await form.getByRole("checkbox", { name: "claim.rejected" }).check();
  await form.getByLabel("Format").selectOption("slack");
  await form.getByRole("button", { name: "Register webhook" }).click();
  await expect(form.getByRole("status")).toContainText(/whsec_\S+/);
  const listed = page.getByTestId("webhooks").getByRole("listitem").filter({ hasText: url });
  await expect(listed).toContainText("Slack-compatible · claim.rejected");
  await expect(listed.getByRole("table", { name: `Latest deliveries to ${url}` })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("webhooks.png"), fullPage: true });
  await listed.getByRole("button", { name: `Remove the webhook to ${url}` }).click();
  await expect(listed).toHaveCount(0);
});

test("an editor cannot reach the webhooks", async ({ browser }) => {
  const page = await signedInPage(browser, demoUser("editor"));
  await page.goto("/admin/webhooks");
  await expect(page).not.toHaveURL(/\/admin\/webhooks/);
  const response = await page.request.post("/api/webhooks", {
    data: { url: "https://hooks.example.org/x", events: ["claim.rejected"] },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(403);
});
