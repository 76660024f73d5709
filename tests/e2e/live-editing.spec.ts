import { copyDemoStory, demoUser, expect, setRole, signedInPage, test } from "../support/e2e/test";
import { WorkspacePage } from "../support/e2e/pages/workspace-page";

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
      await expect
        .poll(() => side.summaryText())
        .toMatch(/^Tom adds a lead\. The CIA has released.*Maya checks the dates\.$/);
    }
    await b.page.context().close();
    await expect(a.presence).not.toContainText(tom.name);
    await a.page.context().close();
  });
});

test("an editor whose role changes is reconnected with a fresh token, and what he typed meanwhile reaches the other editor", async ({
  browser,
}) => {
  const maya = demoUser("editor", 0);
  const tom = demoUser("editor", 1);
  const a = new WorkspacePage(await signedInPage(browser, maya));
  const b = new WorkspacePage(await signedInPage(browser, tom));
  const sockets: string[] = [];
  b.page.on("websocket", (socket) => sockets.push(socket.url()));
  const slug = await copyDemoStory();
  await a.goto(slug);
  await b.goto(slug);
  await expect.poll(() => sockets.length).toBe(1);

  await setRole(tom, "reviewer");
  try {
    // The collaboration server closes his socket within seconds (4409); the workspace asks for a new token.
    await b.typeAtEnd(" Tom types through the change.");
    await expect.poll(() => sockets.length, { timeout: 10_000 }).toBe(2);
    await expect(b.status).toHaveAttribute("data-status", "connected");
    await expect.poll(() => a.summaryText()).toContain("Tom types through the change.");
    await b.typeAtEnd(" And after it.");
    await expect.poll(() => a.summaryText()).toMatch(/Tom types through the change\. And after it\.$/);
    // Each connection used its own single-use token.
    expect(new Set(sockets.map((url) => new URL(url).searchParams.get("token"))).size).toBe(2);
  } finally {
    await setRole(tom, "editor");
  }
});
