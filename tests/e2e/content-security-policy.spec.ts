import { copyDemoStory, demoUser, expect, signedInPage, test } from "../support/e2e/test";
import { AssistantPanel } from "../support/e2e/pages/assistant-panel";
import { WorkspacePage } from "../support/e2e/pages/workspace-page";
import { publishStoryWithClaims } from "../support/e2e/published-story";

// Every test of the suite fails on a Content-Security-Policy violation (fixtures.ts watches each context);
// this one walks the main pages and checks that what runs on them still works under the policy.

test("the main pages work under the Content-Security-Policy, with no violation", async ({ browser, page }) => {
  // Sign-in page: the form is hydrated (it signs in without a page load).
  const admin = await signedInPage(browser, demoUser("admin"));

  // Story list.
  await admin.goto("/");
  await expect(admin.getByTestId("story-list")).toContainText(
    "CIA Launches Social Media Campaign to Recruit Chinese Officials",
  );

  // Workspace, live editing between two people: the collaboration socket, Tiptap's styles, the claim
  // highlights' <style> and the assistant's worker all run.
  const slug = await copyDemoStory();
  const maya = new WorkspacePage(await signedInPage(browser, demoUser("editor", 0)));
  const tom = new WorkspacePage(await signedInPage(browser, demoUser("editor", 1)));
  await maya.goto(slug);
  await tom.goto(slug);
  await maya.typeAtEnd(" Checked under a strict policy.");
  await expect.poll(() => tom.summaryText()).toContain("Checked under a strict policy.");
  await maya.markClaim("CIA Director John Ratcliffe");
  await expect(maya.claim("CIA Director John Ratcliffe")).toBeVisible();
  // The highlights' colours come from a <style> the editor adds, with the nonce.
  await expect(tom.highlights.filter({ hasText: "CIA Director John Ratcliffe" })).not.toHaveCSS(
    "background-color",
    "rgba(0, 0, 0, 0)",
  );
  // Tiptap's own stylesheet applied (it needs the nonce): the editor keeps white space as typed.
  await expect(maya.page.locator(".ProseMirror").first()).toHaveCSS("white-space", /pre-wrap|break-spaces/);
  // The assistant's worker read the draft: every sentence without evidence is marked.
  await expect.poll(() => new AssistantPanel(maya.page).citationsNeeded()).not.toHaveLength(0);

  // The other newsroom pages.
  for (const path of ["/review", "/admin/users", "/stories/new", `/stories/${slug}/versions`]) {
    const response = await admin.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();
  }

  // Reader page, signed out: the evidence popover (a client island) opens.
  const published = await copyDemoStory();
  await publishStoryWithClaims(published, [
    {
      words: "Chinese officials have yet to respond.",
      evidence: [
        { outlet: "NBC News", passage: "The Chinese embassy did not immediately respond to a request for comment." },
      ],
    },
  ]);
  await page.goto(`/stories/${published}`);
  await page.getByTestId("reader-summary").locator("a[data-claim-id]").first().click();
  await expect(page.getByTestId("evidence-popover")).toBeVisible();
  await page.goto("/about");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
