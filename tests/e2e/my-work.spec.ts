import { randomUUID } from "node:crypto";
import { createPrisma } from "../../server/db/create-prisma";
import { E2E_DATABASE_URL } from "../../playwright.config";
import { copyDemoStory, demoUser, expect, seriousAxeViolations, signedInPage, test } from "../support/e2e/test";
import { WorkspacePage } from "../support/e2e/pages/workspace-page";

const CLAIM = "The CIA has released two Mandarin-language recruitment videos";

/** A word no other story of the test database holds. */
const uniqueWord = (stem: string) => `${stem}${randomUUID().replaceAll("-", "").slice(0, 8)}`;

/** Gives a copied story a title with `word`, a source text with `sourceWord`, and optionally a reviewer. */
async function prepareStory(slug: string, word: string, sourceWord: string, reviewerEmail?: string): Promise<void> {
  const prisma = createPrisma(E2E_DATABASE_URL);
  try {
    const story = await prisma.story.findUniqueOrThrow({ where: { slug }, include: { sources: true } });
    const reviewer = reviewerEmail ? await prisma.user.findUniqueOrThrow({ where: { email: reviewerEmail } }) : null;
    await prisma.story.update({
      where: { slug },
      data: { title: `Check ${word}`, reviewerId: reviewer?.id ?? null },
    });
    const source = story.sources[0]!;
    await prisma.source.update({ where: { id: source.id }, data: { text: `${source.text}\n\nAlso ${sourceWord}.` } });
  } finally {
    await prisma.$disconnect();
  }
}

test("my work, filters and full-text search on the newsroom's home", async ({ browser }, testInfo) => {
  const mayaUser = demoUser("editor", 0);
  const rosaUser = demoUser("reviewer");
  const [assignedWord, reviewedWord, sourceWord] = [uniqueWord("plover"), uniqueWord("curlew"), uniqueWord("dunlin")];
  const assignedSlug = await copyDemoStory();
  const reviewedSlug = await copyDemoStory();
  await prepareStory(assignedSlug, assignedWord, uniqueWord("unused"));
  await prepareStory(reviewedSlug, reviewedWord, sourceWord, rosaUser.email);

  // Maya marks a claim, asks for review and assigns it to Rosa.
  const maya = new WorkspacePage(await signedInPage(browser, mayaUser));
  await maya.goto(assignedSlug);
  await maya.markClaim(CLAIM);
  await maya.claim(CLAIM).getByRole("button", { name: "Request review" }).click();
  await maya.claim(CLAIM).getByRole("button", { name: "Assign to…" }).click();
  await maya.claim(CLAIM).getByLabel("Assign to").selectOption({ label: rosaUser.name });
  await maya.claim(CLAIM).getByRole("button", { name: "Assign", exact: true }).click();
  await expect(maya.claim(CLAIM).getByTestId("claim-assignee")).toHaveText(`Assigned to ${rosaUser.name}`);

  // Rosa's home: the claim is assigned to her and waits for her review; she follows the story.
  const rosa = await signedInPage(browser, rosaUser);
  await rosa.goto("/");
  const assigned = rosa.getByRole("region", { name: /Assigned to me/ });
  const toReview = rosa.getByRole("region", { name: /Waiting for my review/ });
  const following = rosa.getByRole("region", { name: /Stories I follow/ });
  await expect(assigned.getByRole("link", { name: new RegExp(assignedWord) })).toBeVisible();
  await expect(toReview.getByRole("link", { name: new RegExp(assignedWord) })).toBeVisible();
  await expect(following.getByRole("link", { name: `Check ${reviewedWord}` })).toBeVisible();
  expect(await seriousAxeViolations(rosa)).toEqual([]);
  await rosa.screenshot({ path: testInfo.outputPath("my-work-desktop.png"), fullPage: true });

  // Maya, an editor, has no review section, and she made the claim: she follows its story.
  await maya.page.goto("/");
  await expect(maya.page.getByRole("region", { name: /Waiting for my review/ })).toHaveCount(0);
  await expect(
    maya.page.getByRole("region", { name: /Stories I follow/ }).getByRole("link", { name: `Check ${assignedWord}` }),
  ).toBeVisible();

  // Search with the GET form: a title's word, a source's word; filters narrow it.
  const search = rosa.getByRole("search", { name: "Stories" });
  const list = rosa.getByTestId("story-list");
  await search.getByLabel("Search titles, summaries and sources").fill(assignedWord);
  await search.getByLabel("Search titles, summaries and sources").press("Enter");
  await rosa.waitForURL(new RegExp(`\\?.*q=${assignedWord}`));
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("link", { name: `Check ${assignedWord}` })).toBeVisible();

  await rosa.goto(`/?q=${sourceWord}`);
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("link", { name: `Check ${reviewedWord}` })).toBeVisible();
  await expect(list).toContainText(`reviewer ${rosaUser.name}`);

  await search.getByLabel("Reviewer").selectOption({ label: "Me" });
  await search.getByLabel("Updated").selectOption({ label: "In the last day" });
  await search.getByRole("button", { name: "Filter" }).click();
  await rosa.waitForURL(/reviewer=me/);
  await expect(list.getByRole("link", { name: `Check ${reviewedWord}` })).toBeVisible();
  await search.getByLabel("Status").selectOption({ label: "Published" });
  await search.getByRole("button", { name: "Filter" }).click();
  await expect(rosa.getByTestId("story-list-empty")).toHaveText("No story matches.");

  await rosa.goto(`/?assignee=me&q=${assignedWord}`);
  await expect(list.getByRole("link", { name: `Check ${assignedWord}` })).toBeVisible();
  await rosa.goto(`/?assignee=me&q=${reviewedWord}`);
  await expect(rosa.getByTestId("story-list-empty")).toBeVisible();

  // Without JavaScript the form still searches.
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await rosa.context().storageState(),
  });
  const plain = await noScript.newPage();
  await plain.goto("/");
  await plain.getByLabel("Search titles, summaries and sources").fill(reviewedWord);
  await plain.getByRole("button", { name: "Filter" }).click();
  await expect(plain.getByTestId("story-list").getByRole("listitem")).toHaveCount(1);
  await expect(plain.getByTestId("story-list")).toContainText(`Check ${reviewedWord}`);

  // On a phone, the home fits and passes axe.
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    storageState: await rosa.context().storageState(),
  });
  const phonePage = await phone.newPage();
  await phonePage.goto("/");
  expect(await seriousAxeViolations(phonePage)).toEqual([]);
  expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phonePage.screenshot({ path: testInfo.outputPath("my-work-phone.png"), fullPage: true });

  // One click from my work opens the claim in its workspace.
  await rosa.goto("/");
  await assigned.getByRole("link", { name: new RegExp(assignedWord) }).click();
  await rosa.waitForURL(new RegExp(`/stories/${assignedSlug}/edit\\?claim=`));
  await expect(new WorkspacePage(rosa).claim(CLAIM).getByRole("button", { expanded: true })).toBeVisible();
});
