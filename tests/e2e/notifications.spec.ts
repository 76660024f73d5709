import { copyDemoStory, demoUser, expect, signedInPage, test, readAllNotifications } from "../support/e2e/test";
import { NotificationsPage } from "../support/e2e/pages/notifications-page";
import { WorkspacePage } from "../support/e2e/pages/workspace-page";

const CLAIM = "The CIA has released two Mandarin-language recruitment videos";
const EVIDENCE = "The CIA on Thursday released two social media videos inviting disillusioned Chinese officials to spy";
const REASON = "The videos are in Mandarin, but 004 says the earlier ones were in other languages too.";

test("Maya mentions Rosa in a claim's thread; Rosa is told at once, opens the claim and rejects it; Maya is told why", async ({
  browser,
}, testInfo) => {
  const slug = await copyDemoStory();
  const mayaUser = demoUser("editor", 0);
  const rosaUser = demoUser("reviewer");
  const maya = new WorkspacePage(await signedInPage(browser, mayaUser));
  const rosaPage = await signedInPage(browser, rosaUser);
  const rosa = new NotificationsPage(rosaPage);
  await readAllNotifications();

  await maya.goto(slug);
  await maya.markClaim(CLAIM);
  await maya.openSource("NBC News");
  await maya.addEvidence(EVIDENCE);
  await maya.claim(CLAIM).getByRole("button", { name: "Request review" }).click();

  await rosaPage.goto("/notifications");
  await expect(rosa.bell).toHaveAccessibleName("Notifications");
  await expect(rosa.count).toHaveCount(0);

  // Maya types @ and picks Rosa from the list with the keyboard alone.
  const box = maya.claim(CLAIM).getByLabel("Comment on this claim");
  await box.click();
  await box.pressSequentially("Can you check the languages, @ro");
  const list = maya.page.getByRole("listbox", { name: "People to mention" });
  await expect(list.getByRole("option", { name: rosaUser.name })).toBeVisible();
  await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
  await maya.page.screenshot({ path: testInfo.outputPath("mention-combobox.png") });
  await box.press("Enter");
  await expect(list).toHaveCount(0);
  await expect(box).toHaveValue(`Can you check the languages, @${rosaUser.name} `);
  await box.pressSequentially("?");
  await maya.claim(CLAIM).getByRole("button", { name: "Comment" }).click();
  const sent = Date.now();
  // The thread shows the mention by name; the body stores Rosa's id.
  await expect(maya.claim(CLAIM).getByTestId("comment-mention")).toHaveText(`@${rosaUser.name}`);

  // Rosa's bell shows it within 2 s, without a reload.
  await expect(rosa.count).toHaveText("1", { timeout: 2_000 });
  expect(Date.now() - sent).toBeLessThan(2_000);
  await expect(rosa.bell).toHaveAccessibleName("Notifications, 1 unread");
  await rosaPage.locator("header").screenshot({ path: testInfo.outputPath("bell.png") });

  // The inbox (reloaded) groups it under the story; one click opens that claim.
  await rosa.bell.click();
  await rosaPage.reload();
  // The one unread mention (the inbox keeps earlier tests' notifications too, read), under its story's heading.
  const mention = rosa
    .item(`${mayaUser.name} mentioned you in a claim's thread`)
    .and(rosaPage.locator('[data-read="false"]'));
  await expect(mention).toHaveCount(1);
  await expect(rosaPage.getByRole("region", { name: /^Test copy:/ }).filter({ has: mention })).toBeVisible();
  await rosaPage.screenshot({ path: testInfo.outputPath("inbox.png") });
  await mention.getByRole("button", { name: /mentioned you/ }).click();
  await rosaPage.waitForURL(new RegExp(`/stories/${slug}/edit\\?claim=`));
  const workspace = new WorkspacePage(rosaPage);
  await expect(workspace.claim(CLAIM).getByRole("button", { expanded: true })).toBeVisible();
  await expect(rosa.count).toHaveCount(0);
  // Rosa reads the mention of herself by her name.
  await expect(workspace.claim(CLAIM).getByTestId("comment-mention")).toHaveText(`@${rosaUser.name}`);

  // Rosa rejects the claim with a reason; Maya is told, with the reason.
  const review = workspace.claim(CLAIM).getByRole("form", { name: "Review this claim" });
  await review.getByLabel("Reason").fill(REASON);
  await review.getByRole("button", { name: "Reject" }).click();
  await expect(workspace.claim(CLAIM).getByTestId("claim-status")).toHaveText("Rejected");
  const mayaBell = new NotificationsPage(maya.page);
  await expect(mayaBell.count).toHaveText("1", { timeout: 2_000 });
  await mayaBell.bell.click();
  await maya.page.waitForURL("**/notifications");
  const rejection = mayaBell.item(`${rosaUser.name} rejected your claim`);
  await expect(rejection.getByTestId("notification-reason")).toHaveText(`Reason: ${REASON}`);
  await expect(rejection).toContainText(CLAIM);
});

test("each person chooses which notifications they get in the app and by e-mail", async ({ browser }) => {
  const page = await signedInPage(browser, demoUser("editor", 1));
  await page.goto("/notifications");
  const byMail = page.getByRole("checkbox", { name: "A claim or a story's review is assigned to me: by e-mail" });
  await expect(byMail).toBeChecked();
  const saved = page.waitForResponse((response) => response.url().endsWith("/api/notifications/preferences"));
  await byMail.uncheck();
  expect((await saved).status()).toBe(200);
  await page.reload();
  await expect(
    page.getByRole("checkbox", { name: "A claim or a story's review is assigned to me: by e-mail" }),
  ).not.toBeChecked();
  await expect(
    page.getByRole("checkbox", { name: "A claim or a story's review is assigned to me: in the app" }),
  ).toBeChecked();
});
