import {
  copyDemoStory,
  demoUser,
  expect,
  seriousAxeViolations,
  signedInPage,
  test,
  readAllNotifications,
} from "../support/e2e/test";
import { NotificationsPage } from "../support/e2e/pages/notifications-page";
import { WorkspacePage } from "../support/e2e/pages/workspace-page";

const CLAIM = "The CIA has released two Mandarin-language recruitment videos";

test("Maya assigns a claim to Rosa with the keyboard; Rosa's open workspace and bell show it within 2 s, and one click opens it", async ({
  browser,
}, testInfo) => {
  const slug = await copyDemoStory();
  const mayaUser = demoUser("editor", 0);
  const rosaUser = demoUser("reviewer");
  const maya = new WorkspacePage(await signedInPage(browser, mayaUser));
  const rosaPage = await signedInPage(browser, rosaUser);
  const rosa = new WorkspacePage(rosaPage);
  const rosaBell = new NotificationsPage(rosaPage);
  await readAllNotifications();

  await maya.goto(slug);
  await maya.markClaim(CLAIM);
  await rosa.goto(slug);
  await expect(rosa.claim(CLAIM)).toBeVisible();
  await expect(rosa.claim(CLAIM).getByTestId("claim-assignee")).toHaveCount(0);
  await expect(rosaBell.count).toHaveCount(0);

  // Maya opens the picker and chooses Rosa with the keyboard alone.
  const trigger = maya.claim(CLAIM).getByRole("button", { name: "Assign to…" });
  await trigger.focus();
  await maya.page.keyboard.press("Enter");
  const picker = maya.claim(CLAIM).getByRole("form", { name: "Assign this claim" });
  const select = picker.getByLabel("Assign to");
  await expect(select).toBeFocused();
  await expect(select.locator("option")).toContainText(["No one", `${mayaUser.name} (me)`, rosaUser.name]);
  await select.selectOption({ label: rosaUser.name });
  expect(await seriousAxeViolations(maya.page)).toEqual([]);
  await maya.page.screenshot({ path: testInfo.outputPath("assignment-picker.png") });
  await maya.page.keyboard.press("Tab");
  await maya.page.keyboard.press("Enter");
  const sent = Date.now();
  await expect(picker).toHaveCount(0);
  await expect(trigger).toBeFocused();
  await expect(maya.claim(CLAIM).getByTestId("claim-assignee")).toHaveText(`Assigned to ${rosaUser.name}`);

  // Rosa's open workspace shows it without a reload, and her bell counts it, within 2 s.
  await expect(rosa.claim(CLAIM).getByTestId("claim-assignee")).toHaveText("Assigned to you", { timeout: 2_000 });
  await expect(rosaBell.count).toHaveText("1", { timeout: 2_000 });
  expect(Date.now() - sent).toBeLessThan(2_500);
  await rosaPage.screenshot({ path: testInfo.outputPath("assigned-live.png") });

  // One click from the inbox opens the claim.
  await rosaBell.bell.click();
  await rosaPage.waitForURL("**/notifications");
  await rosaBell
    .item(`${mayaUser.name} assigned a claim to you`)
    .getByRole("button", { name: /assigned a claim to you/ })
    .click();
  await rosaPage.waitForURL(new RegExp(`/stories/${slug}/edit\\?claim=`));
  await expect(rosa.claim(CLAIM).getByRole("button", { expanded: true })).toBeVisible();

  // Unassigning reaches Maya's open workspace too.
  await rosa.claim(CLAIM).getByRole("button", { name: "Assign to…" }).click();
  await rosa.claim(CLAIM).getByLabel("Assign to").selectOption({ label: "No one" });
  await rosa.claim(CLAIM).getByRole("button", { name: "Assign", exact: true }).click();
  await expect(maya.claim(CLAIM).getByTestId("claim-assignee")).toHaveCount(0, { timeout: 2_000 });
});

test("the story's reviewer is chosen in its workspace, and told", async ({ browser }) => {
  const slug = await copyDemoStory();
  const maya = new WorkspacePage(await signedInPage(browser, demoUser("editor", 0)));
  const rosaUser = demoUser("reviewer");
  await readAllNotifications();
  await maya.goto(slug);
  const reviewer = maya.page.getByLabel("Reviewer", { exact: true });
  await reviewer.selectOption({ label: rosaUser.name });
  await maya.page.getByRole("button", { name: "Save reviewer" }).click();
  await expect(maya.page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await maya.page.reload();
  await expect(maya.page.getByLabel("Reviewer", { exact: true })).toHaveValue(/.+/);

  const rosaPage = await signedInPage(browser, rosaUser);
  await rosaPage.goto("/notifications");
  await expect(new NotificationsPage(rosaPage).item(/made you the reviewer of a story/)).toBeVisible();
});
