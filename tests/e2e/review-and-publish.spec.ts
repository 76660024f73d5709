import { copyDemoStory, demoUser, expect, signedInPage, test } from "../support/e2e/test";
import { WorkspacePage } from "../support/e2e/pages/workspace-page";

const CLAIM = "The CIA has released two Mandarin-language recruitment videos";
const EVIDENCE = "The CIA on Thursday released two social media videos inviting disillusioned Chinese officials to spy";

test("a claim goes from draft to two published versions, and the diff shows the change", async ({ browser }) => {
  const slug = await copyDemoStory();
  const maya = new WorkspacePage(await signedInPage(browser, demoUser("editor", 0)));
  const rosa = new WorkspacePage(await signedInPage(browser, demoUser("reviewer")));
  await maya.goto(slug);
  await rosa.goto(slug);

  // The editor marks and evidences a claim and asks for review; editors see no publish panel.
  await maya.markClaim(CLAIM);
  await maya.openSource("NBC News");
  await maya.addEvidence(EVIDENCE);
  await maya.claim(CLAIM).getByRole("button", { name: "Request review" }).click();
  await expect(maya.page.getByTestId("publish-panel")).toHaveCount(0);

  // The reviewer sees what blocks publishing, then approves.
  const panel = rosa.page.getByTestId("publish-panel");
  await expect(panel.getByTestId("publish-blockers")).toContainText("is needs review, not approved");
  await rosa.claim(CLAIM).getByRole("button", { expanded: false }).click();
  const review = rosa.claim(CLAIM).getByRole("form", { name: "Review this claim" });
  await review.getByLabel("Verdict").selectOption("supported");
  await review.getByRole("button", { name: "Approve" }).click();
  await expect(rosa.claim(CLAIM).getByTestId("claim-status")).toHaveText("Approved");
  await expect(rosa.claim(CLAIM).getByTestId("decision-summary")).toContainText(
    "Approved by Rosa Lindqvist · Supported",
  );
  // The editor sees the approval live.
  await expect(maya.claim(CLAIM).getByTestId("claim-status")).toHaveText("Approved");

  await panel.getByRole("button", { name: "Publish version 1" }).click();
  await expect(panel.getByRole("status")).toHaveText("Version 1 is published.");

  // The editor changes a word of the approved claim: it needs review again, and the panel shows the approved text.
  await maya.editor.focus();
  await maya.select(maya.editor, "two Mandarin");
  await maya.page.keyboard.type("two short Mandarin");
  const changed = "The CIA has released two short Mandarin-language recruitment videos";
  await expect(rosa.claim(changed).getByTestId("claim-status")).toHaveText("Needs review");
  // Rosa still has the claim open.
  await expect(rosa.claim(changed).getByRole("button", { expanded: true })).toBeVisible();
  await expect(rosa.claim(changed).getByTestId("changed-since-decision")).toContainText(CLAIM);
  await expect(panel.getByTestId("publish-blockers")).toBeVisible();

  await rosa
    .claim(changed)
    .getByRole("form", { name: "Review this claim" })
    .getByLabel("Verdict")
    .selectOption("partly_supported");
  await rosa.claim(changed).getByRole("button", { name: "Approve" }).click();
  await expect(rosa.claim(changed).getByTestId("claim-status")).toHaveText("Approved");
  await panel.getByLabel("What changed since version 1?").fill("The videos are short; verdict now partly supported.");
  await panel.getByRole("button", { name: "Publish version 2" }).click();
  await expect(panel.getByRole("status")).toHaveText("Version 2 is published.");

  await rosa.page.goto(`/stories/${slug}/versions`);
  await expect(rosa.page.getByTestId("version-list").getByRole("listitem")).toHaveCount(2);
  await expect(rosa.page.getByTestId("version-list")).toContainText("The videos are short");
  await expect(rosa.page.getByTestId("summary-diff").locator("ins")).toContainText("short");
  await expect(rosa.page.getByTestId("claim-diff")).toContainText("Supported → Partly supported");
  await expect(rosa.page.getByTestId("audit-log")).toContainText("Rosa Lindqvist published version 2");
  await expect(rosa.page.getByTestId("audit-log").getByText("approved a claim")).toHaveCount(2);
});

test("the reviewer who marked a claim cannot approve it", async ({ browser }) => {
  const slug = await copyDemoStory();
  const rosa = new WorkspacePage(await signedInPage(browser, demoUser("reviewer")));
  await rosa.goto(slug);
  await rosa.markClaim(CLAIM);
  await rosa.openSource("NBC News");
  await rosa.addEvidence(EVIDENCE);
  await rosa.claim(CLAIM).getByRole("button", { name: "Request review" }).click();
  await expect(
    rosa.claim(CLAIM).getByText("A reviewer who did not mark or evidence this claim decides it."),
  ).toBeVisible();
  await expect(rosa.claim(CLAIM).getByRole("button", { name: "Approve" })).toHaveCount(0);
});

test("the review queue shows claims that need review with their quotes, and the dashboard counts them", async ({
  browser,
}) => {
  const slug = await copyDemoStory();
  const tom = new WorkspacePage(await signedInPage(browser, demoUser("editor", 1)));
  await tom.goto(slug);
  await tom.markClaim(CLAIM);
  await tom.openSource("NBC News");
  await tom.addEvidence(EVIDENCE);
  await tom.claim(CLAIM).getByRole("button", { name: "Request review" }).click();

  const admin = await signedInPage(browser, demoUser("admin"));
  await expect(async () => {
    await admin.goto("/review");
    await expect(
      admin.getByTestId("review-queue").getByRole("listitem").filter({ hasText: CLAIM }).first(),
    ).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const item = admin
    .getByTestId("review-queue")
    .locator("> li")
    .filter({ has: admin.locator(`a[href="/stories/${slug}/edit"]`) });
  await expect(item).toContainText(EVIDENCE);
  await expect(item).toContainText("verified verbatim");
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByTestId("review-queue").locator(`a[href="/stories/${slug}/edit"]`)).toHaveCount(0);

  await expect(async () => {
    await admin.goto("/");
    const row = admin
      .getByTestId("story-list")
      .getByRole("listitem")
      .filter({ has: admin.locator(`a[href="/stories/${slug}/edit"]`) });
    await expect(row.getByTestId("claim-progress")).toHaveText("1 claim: 1 approved", { timeout: 1_000 });
  }).toPass();
});

test("an admin changes a user's role, and nobody else can open the users page", async ({ browser }) => {
  const admin = await signedInPage(browser, demoUser("admin"));
  await admin.goto("/admin/users");
  const tomRow = admin.getByTestId("user-list").getByRole("listitem").filter({ hasText: "Tom Okafor" });
  await tomRow.getByLabel("Role of Tom Okafor").selectOption("reviewer");
  await tomRow.getByRole("button", { name: "Save" }).click();
  await expect(tomRow.getByRole("status")).toHaveText("Role changed.");
  await tomRow.getByLabel("Role of Tom Okafor").selectOption("editor");
  await tomRow.getByRole("button", { name: "Save" }).click();
  await expect(tomRow.getByRole("status")).toHaveText("Role changed.");

  const editor = await signedInPage(browser, demoUser("editor", 0));
  await editor.goto("/admin/users");
  await expect(editor).toHaveURL(/\/$/);
});
