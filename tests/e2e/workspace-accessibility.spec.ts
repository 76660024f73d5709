import { copyDemoStory, demoUser, expect, seriousAxeViolations, signedInPage, test } from "../support/e2e/test";
import { AssistantPanel } from "../support/e2e/pages/assistant-panel";
import { WorkspacePage } from "../support/e2e/pages/workspace-page";

for (const viewport of [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`the workspace passes axe with no serious or critical violations on a ${viewport.name}: claim, assistant, import, correction`, async ({
    browser,
  }) => {
    const page = await signedInPage(browser, demoUser("editor", 0));
    await page.setViewportSize(viewport);
    const maya = new WorkspacePage(page);
    await maya.goto(await copyDemoStory());
    await maya.markClaim("Chinese officials have yet to respond.");
    await expect(new AssistantPanel(page).suggestions.first()).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Add sources" }).click();
    await expect(page.getByTestId("source-import")).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("source-import")).toBeHidden();

    await page.getByTestId("source-reader").getByRole("button", { name: "Correct text" }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

    await page.goto("/stories/new");
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}
