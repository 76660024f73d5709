import { randomUUID } from "node:crypto";
import path from "node:path";
import { readdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { createPrisma } from "../../server/db/create-prisma";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { DEMO_STORY_SLUG, demoUser, expect, signedInPage, test } from "../support/e2e/test";
import { SourcesPanel } from "../support/e2e/pages/sources-panel";
import { WorkspacePage } from "../support/e2e/pages/workspace-page";

const DEMO_DIR = path.join(import.meta.dirname, "..", "..", "prisma", "demo");
const seedPath = (number: string) =>
  path.join(DEMO_DIR, readdirSync(DEMO_DIR).find((name) => name.startsWith(`${number}_`)) ?? "");
const SAVED_PAGE = path.join(import.meta.dirname, "..", "fixtures", "import", "saved-article.html");
const EVIDENCE = "The CIA on Thursday released two social media videos inviting disillusioned Chinese officials to spy";

/** Creates a story through "New story" and opens its workspace. */
async function newStory(page: Page, title: string): Promise<WorkspacePage> {
  await page.goto("/");
  await page.getByRole("link", { name: "New story" }).click();
  await expect(page.getByRole("heading", { name: "New story" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create story" }).click();
  await page.waitForURL(/\/stories\/[a-z0-9-]+\/edit$/);
  const workspace = new WorkspacePage(page);
  await expect(workspace.status).toHaveAttribute("data-status", "connected");
  return workspace;
}

test("an editor builds the demo story from the five seed files through the UI alone", async ({ browser }) => {
  const page = await signedInPage(browser, demoUser("editor", 0));
  const maya = await newStory(page, `CIA videos ${randomUUID().slice(0, 8)}`);
  const sources = new SourcesPanel(page);
  await expect(page.getByText("This story has no sources yet.")).toBeVisible();

  // The aggregator page: its cards, its summary as the draft, its perspectives.
  await sources.upload(seedPath("000"));
  await expect(sources.dialog.getByRole("heading", { name: "4 source cards" })).toBeVisible();
  await sources.dialog.getByRole("button", { name: "Import page" }).click();
  await expect(page.getByRole("status").filter({ hasText: "4 source cards added" })).toHaveText(
    "4 source cards added · the summary became the draft · 3 perspectives.",
  );
  await expect
    .poll(() => maya.summaryText())
    .toContain("The CIA has released two Mandarin-language recruitment videos");
  await expect(sources.heading).toHaveText("Sources (4)");

  // The four articles, each with what its text states prefilled.
  const expected: Record<string, { outlet: string; author?: string; bias?: string; card?: boolean }> = {
    "001": { outlet: "Bloomberg" },
    "002": { outlet: "" },
    "003": { outlet: "Myind", author: "Myind Staff" },
    "004": { outlet: "NBC News", bias: "center", card: true },
  };
  for (const [number, fields] of Object.entries(expected)) {
    await sources.upload(seedPath(number));
    await expect(sources.field("Outlet")).toHaveValue(fields.outlet);
    if (fields.author) await expect(sources.field("Author")).toHaveValue(fields.author);
    if (fields.bias) await expect(sources.field("Bias label")).toHaveValue(fields.bias);
    await expect(sources.dialog.getByText("taken from the NBC News card")).toHaveCount(fields.card ? 1 : 0);
    await sources.dialog.getByRole("button", { name: "Import article" }).click();
    await expect(sources.dialog).toBeHidden();
    await expect(page.getByTestId("source-notice")).toContainText("Imported");
  }
  await expect(sources.heading).toHaveText("Sources (8)");
  await expect(page.getByTestId("perspectives").locator("li")).toHaveCount(3);

  // What the UI built is what the seed builds: the same eight sources, texts and labels.
  const prisma = createPrisma(E2E_DATABASE_URL);
  try {
    const shape = (rows: Array<{ kind: string; outlet: string | null; biasLabel: string; contentHash: string }>) =>
      rows
        .map(({ kind, outlet, biasLabel, contentHash }) => ({ kind, outlet, biasLabel, contentHash }))
        .sort((a, b) => a.contentHash.localeCompare(b.contentHash));
    const demo = await prisma.source.findMany({ where: { story: { slug: DEMO_STORY_SLUG } } });
    const slug = new URL(page.url()).pathname.split("/")[2] ?? "";
    const built = await prisma.source.findMany({ where: { story: { slug } } });
    expect(shape(built)).toEqual(shape(demo));
  } finally {
    await prisma.$disconnect();
  }

  // The same article again is refused.
  await sources.upload(seedPath("004"));
  await sources.dialog.getByRole("button", { name: "Import article" }).click();
  await expect(sources.dialog.getByRole("alert")).toContainText("This text is already a source of this story");
});

test("refuses a file that is not text with a clear message, and removes a source imported by mistake", async ({
  browser,
}) => {
  const page = await signedInPage(browser, demoUser("editor", 0));
  await newStory(page, `Refusals ${randomUUID().slice(0, 8)}`);
  const sources = new SourcesPanel(page);
  await page.getByRole("button", { name: "Add sources" }).click();
  await sources.dialog
    .getByTestId("source-file")
    .setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from([0xff, 0xd8, 0xff, 0x00]) });
  await expect(sources.dialog.getByRole("alert")).toContainText("“photo.jpg” is not a text file");
  // A page that can be imported after all: the refusal of the last file goes.
  await sources.dialog.getByTestId("source-file").setInputFiles(seedPath("000"));
  await expect(sources.dialog.getByRole("heading", { name: "4 source cards" })).toBeVisible();
  await expect(sources.dialog.getByRole("alert")).toHaveCount(0);
  await sources.dialog.getByRole("button", { name: "Back" }).click();
  await sources.dialog.getByTestId("source-paste").fill("Just a sentence.\n\nSummary\n");
  await sources.dialog.getByRole("button", { name: "Continue" }).click();
  await expect(sources.dialog.getByRole("form", { name: "Article to import" })).toBeVisible();

  // Imported by mistake, then removed.
  await sources.field("Headline").fill("A mistaken paste");
  await sources.dialog.getByRole("button", { name: "Import article" }).click();
  await expect(sources.heading).toHaveText("Sources (1)");
  await sources.reader.getByRole("button", { name: "Remove", exact: true }).click();
  await sources.reader
    .getByRole("group", { name: "Remove this source" })
    .getByRole("button", { name: "Remove source" })
    .click();
  await expect(sources.heading).toHaveText("Sources (0)");
  await expect(page.getByRole("status").filter({ hasText: "Removed “A mistaken paste”." })).toBeVisible();
});

test("hides a source from the workspace and shows it again", async ({ browser }) => {
  const page = await signedInPage(browser, demoUser("editor", 0));
  await newStory(page, `Hidden ${randomUUID().slice(0, 8)}`);
  const sources = new SourcesPanel(page);
  await page.getByRole("button", { name: "Add sources" }).click();
  await sources.dialog.getByTestId("source-paste").fill("A paste that does not belong here.\n\nSummary\n");
  await sources.dialog.getByRole("button", { name: "Continue" }).click();
  await sources.field("Headline").fill("Kept but hidden");
  await sources.dialog.getByRole("button", { name: "Import article" }).click();
  await expect(sources.heading).toHaveText("Sources (1)");

  await sources.reader.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "“Kept but hidden” is hidden from the workspace." }),
  ).toBeVisible();
  await expect(sources.heading).toHaveText("Sources (0) · 1 hidden");
  await expect(sources.reader).toContainText("Hidden from the workspace: the assistant leaves it out");
  await expect(
    page.getByTestId("source-select").locator("optgroup[label='Hidden from the workspace'] option"),
  ).toHaveText([/Kept but hidden/]);

  await sources.reader.getByRole("button", { name: "Show in workspace" }).click();
  await expect(sources.heading).toHaveText("Sources (1)");
  await expect(sources.reader).not.toContainText("Hidden from the workspace");
  await expect(page.getByTestId("source-select").locator("optgroup")).toHaveCount(0);
});

test("a quote from an imported page follows a correction, and its approved claim goes back to review", async ({
  browser,
}) => {
  const page = await signedInPage(browser, demoUser("editor", 0));
  const maya = await newStory(page, `Correction ${randomUUID().slice(0, 8)}`);
  const sources = new SourcesPanel(page);

  // A saved web page (scripts, navigation, ads) comes in as its article.
  await sources.upload(SAVED_PAGE);
  await expect(sources.field("Outlet")).toHaveValue("NBC News");
  await sources.dialog.getByRole("button", { name: "Import article" }).click();
  await expect(sources.heading).toHaveText("Sources (1)");
  await expect(maya.sourceText).toContainText(EVIDENCE);
  await expect(maya.sourceText).not.toContainText("Advertisement");

  // Maya writes a claim, attaches a passage of the page as evidence and asks for review.
  const claim = "The CIA released two videos on Thursday.";
  await maya.typeAtEnd(claim);
  await maya.markClaim(claim);
  await maya.addEvidence(EVIDENCE);
  const card = maya.claim(claim);
  await expect(card.getByTestId("quote-card")).toContainText("Verified verbatim");
  await card.getByRole("button", { name: "Request review" }).click();

  // Rosa approves it.
  const rosa = new WorkspacePage(await signedInPage(browser, demoUser("reviewer")));
  await rosa.goto(new URL(page.url()).pathname.split("/")[2] ?? "");
  await rosa.claim(claim).getByRole("button", { expanded: false }).click();
  const review = rosa.claim(claim).getByRole("form", { name: "Review this claim" });
  await review.getByLabel("Verdict").selectOption("supported");
  await review.getByRole("button", { name: "Approve" }).click();
  await expect(card.getByTestId("claim-status")).toHaveText("Approved");

  // The outlet corrects the article: the passage moves below the next paragraph and one word changes.
  await sources.correct((text) => {
    const [first = "", second = "", ...rest] = text.split("\n\n");
    return [second, first.replace("released", "posted"), ...rest].join("\n\n");
  }, "NBC News changed “released” to “posted” and reordered the opening.");
  await expect(page.getByTestId("source-notice")).toHaveText(
    "Revision 2 saved. Quotes from this source: 0 quotes found unchanged, 1 changed, 0 to re-verify, 0 lost. 1 claim went back to needs review.",
  );
  await expect(sources.reader).toContainText("Corrected (revision 2)");
  await sources.reader.getByTestId("source-history").getByText("History of this text (2 revisions)").click();
  await expect(sources.reader.getByTestId("source-history").locator("li")).toHaveText([
    /^Revision 2 · .* · Maya Chen · NBC News changed “released” to “posted” and reordered the opening\.$/,
    /^Revision 1 · .* · Maya Chen · imported$/,
  ]);
  await expect(card.getByTestId("claim-status")).toHaveText("Needs review");
  await expect(card.getByTestId("quote-exact")).toHaveText(EVIDENCE.replace("released", "posted"));
  await expect(card.getByTestId("quote-card")).toContainText("Verified verbatim");
  // Rosa sees it live, with the words she approved.
  await expect(rosa.claim(claim).getByTestId("claim-status")).toHaveText("Needs review");
});
