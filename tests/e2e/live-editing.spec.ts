import { copyDemoStory, demoUser, expect, signedInPage, test } from "./fixtures";
import { WorkspacePage } from "./pages/workspace-page";

test.describe("two editors in the demo story", () => {
  test("see each other's text, cursors and presence live, and the text survives a reload", async ({ browser }) => {
    const maya = demoUser("editor", 0);
    const tom = demoUser("editor", 1);
    const a = new WorkspacePage(await signedInPage(browser, maya));
    const b = new WorkspacePage(await signedInPage(browser, tom));
    const slug = await copyDemoStory();
    await a.goto(slug);
    await b.goto(slug);

    for (const side of [a, b]) {
      await expect(side.editor).toContainText("The CIA has released two Mandarin-language recruitment videos");
    }
    await expect(a.presence).toContainText(tom.name);
    await expect(b.presence).toContainText(maya.name);

    await a.typeAtEnd(" Maya checks the dates.");
    await expect.poll(() => b.summaryText()).toContain("Maya checks the dates.");

    await b.typeAtStart("Tom adds a lead. ");
    await expect.poll(() => a.summaryText()).toMatch(/^Tom adds a lead\. The CIA has released/);
    await expect.poll(() => a.summaryText()).toContain("Maya checks the dates.");

    // Each sees the other's named caret.
    await expect(a.page.locator(".collaboration-carets__label", { hasText: tom.name })).toBeVisible();
    await expect(b.page.locator(".collaboration-carets__label", { hasText: maya.name })).toBeVisible();

    // Both texts match exactly: the documents converged.
    expect(await a.summaryText()).toBe(await b.summaryText());

    await a.page.reload();
    await b.page.reload();
    for (const side of [a, b]) {
      await expect(side.status).toHaveAttribute("data-status", "connected");
      await expect.poll(() => side.summaryText()).toMatch(/^Tom adds a lead\. The CIA has released.*Maya checks the dates\.$/);
    }
    await b.page.context().close();
    await expect(a.presence).not.toContainText(tom.name);
    await a.page.context().close();
  });
});
