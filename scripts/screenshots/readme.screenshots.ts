// The README's screenshots, from a real run: two editors in the workspace of a copy of the demo story (one marks a
// claim and attaches the assistant's suggestion, the other is present), and the reader's page of a published check
// with a claim's evidence open. Run by `npm run screenshots` (playwright.config.ts beside this file).
import { copyDemoStory, demoUser, expect, signedInPage, test } from "../../tests/support/e2e/test";
import { AssistantPanel } from "../../tests/support/e2e/pages/assistant-panel";
import { WorkspacePage } from "../../tests/support/e2e/pages/workspace-page";
import { DEMO_CHECK, publishStoryWithClaims } from "../../tests/support/e2e/published-story";

const OUT = "docs/screenshots";
const VIEWPORT = { width: 1440, height: 900 };
const FIRST_SENTENCE =
  "The CIA has released two Mandarin-language recruitment videos targeting disillusioned Chinese officials, aiming to encourage them to leak secrets to the U.S.";
const FROM_001 =
  "WASHINGTON — The Central Intelligence Agency released two videos Thursday aimed at recruiting Chinese officials who might be disillusioned by their prospects in government in a bid to get them to share top secrets about China with the U.S.";

test("the workspace: two editors, a claim with its evidence, and the assistant", async ({ browser }) => {
  const maya = new WorkspacePage(await signedInPage(browser, demoUser("editor", 0)));
  const tom = new WorkspacePage(await signedInPage(browser, demoUser("editor", 1)));
  await maya.page.setViewportSize(VIEWPORT);
  const slug = await copyDemoStory();
  await maya.goto(slug);
  await tom.goto(slug);
  await tom.typeAtEnd(" ");
  await maya.markClaim(FIRST_SENTENCE);
  const assistant = new AssistantPanel(maya.page);
  await assistant
    .suggestion(FROM_001)
    .getByRole("button", { name: /^Attach as evidence/ })
    .click();
  await expect(maya.claim(FIRST_SENTENCE).getByTestId("quote-card")).toContainText("Verified verbatim");
  await expect(assistant.panel.getByTestId("claim-coverage")).toContainText("Bloomberg");
  await expect(maya.presence).toContainText(demoUser("editor", 1).name);
  // The assistant has finished looking through published checks (the copy's own story is never one of them).
  await expect(assistant.panel.getByText("Looking through published checks…")).toHaveCount(0);
  await maya.page.mouse.move(0, 0);
  await maya.page.screenshot({ path: `${OUT}/workspace.png`, fullPage: true });
});

test("the reader's page of a published check, with a claim's evidence open", async ({ browser }) => {
  const slug = await copyDemoStory();
  await publishStoryWithClaims(slug, DEMO_CHECK);
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await page.goto(`/stories/${slug}`);
  await page.getByTestId("reader-summary").locator("a[data-claim-id]").first().click();
  await expect(page.getByTestId("evidence-popover")).toBeVisible();
  await page.screenshot({ path: `${OUT}/reader.png` });
});
