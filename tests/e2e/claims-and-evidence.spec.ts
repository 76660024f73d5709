import { copyDemoStory, demoUser, expect, signedInPage, test } from "../support/e2e/test";
import { WorkspacePage } from "../support/e2e/pages/workspace-page";

const FIRST_SENTENCE =
  "The CIA has released two Mandarin-language recruitment videos targeting disillusioned Chinese officials, aiming to encourage them to leak secrets to the U.S.";
const FROM_001 = "The Central Intelligence Agency released two videos Thursday aimed at recruiting Chinese officials";
const FROM_004 = "The cinematic, Mandarin-language videos released across multiple platforms";

test("two editors mark a claim and attach quotes from two sources, live, and it all survives a reload", async ({
  browser,
}) => {
  const maya = new WorkspacePage(await signedInPage(browser, demoUser("editor", 0)));
  const tom = new WorkspacePage(await signedInPage(browser, demoUser("editor", 1)));
  const slug = await copyDemoStory();
  await maya.goto(slug);
  await tom.goto(slug);

  await maya.markClaim(FIRST_SENTENCE);
  await expect(maya.claim(FIRST_SENTENCE)).toHaveCount(1);
  await expect(maya.claim(FIRST_SENTENCE).getByTestId("claim-status")).toHaveText("Draft");
  await expect.poll(() => maya.highlightedText()).toBe(FIRST_SENTENCE);
  // Tom sees the claim appear without reloading.
  await expect(tom.claim(FIRST_SENTENCE)).toHaveCount(1);
  await expect.poll(() => tom.highlightedText()).toBe(FIRST_SENTENCE);

  await maya.openSource("Bloomberg");
  await maya.addEvidence(FROM_001);
  await maya.openSource("NBC News");
  await maya.addEvidence(FROM_004, "Context");
  const mayaQuotes = maya.claim(FIRST_SENTENCE).getByTestId("quote-card");
  await expect(mayaQuotes).toHaveCount(2);
  await expect(mayaQuotes.getByTestId("quote-exact")).toHaveText([FROM_001, FROM_004]);
  await expect(mayaQuotes.filter({ hasText: "Verified verbatim" })).toHaveCount(2);

  // Tom opens the claim: both quotes are there, and he sees that Maya is looking at it.
  await tom.claim(FIRST_SENTENCE).getByRole("button", { expanded: false }).click();
  const tomQuotes = tom.claim(FIRST_SENTENCE).getByTestId("quote-card");
  await expect(tomQuotes.getByTestId("quote-outlet")).toHaveText(["Bloomberg", "NBC News"]);
  await expect(tom.claim(FIRST_SENTENCE).getByTestId("claim-watchers")).toContainText("Maya Chen");
  await expect(maya.claim(FIRST_SENTENCE).getByTestId("claim-watchers")).toContainText("Tom Okafor");

  // Tom types before the claim: Maya's highlight still covers the same words.
  await tom.typeAtStart("Tom adds a lead. ");
  await expect.poll(() => maya.summaryText()).toMatch(/^Tom adds a lead\. The CIA/);
  await expect.poll(() => maya.highlightedText()).toBe(FIRST_SENTENCE);
  await expect.poll(() => tom.highlightedText()).toBe(FIRST_SENTENCE);

  // Tom asks for review and comments; Maya sees both.
  await tom.claim(FIRST_SENTENCE).getByRole("button", { name: "Request review" }).click();
  await tom.claim(FIRST_SENTENCE).getByLabel("Comment on this claim").fill("Bloomberg says Thursday; check the date.");
  await tom.claim(FIRST_SENTENCE).getByRole("button", { name: "Comment" }).click();
  await expect(maya.claim(FIRST_SENTENCE).getByTestId("claim-status")).toHaveText("Needs review");
  await expect(maya.claim(FIRST_SENTENCE).getByTestId("claim-comments")).toContainText("check the date");

  await maya.page.reload();
  await tom.page.reload();
  for (const side of [maya, tom]) {
    await expect(side.status).toHaveAttribute("data-status", "connected");
    await expect(side.claim(FIRST_SENTENCE)).toHaveCount(1);
    await expect.poll(() => side.highlightedText()).toBe(FIRST_SENTENCE);
    await side.claim(FIRST_SENTENCE).getByRole("button", { expanded: false }).click();
    await expect(side.claim(FIRST_SENTENCE).getByTestId("quote-exact")).toHaveText([FROM_001, FROM_004]);
    await expect(side.claim(FIRST_SENTENCE).getByTestId("claim-status")).toHaveText("Needs review");
  }

  // Deleting the claim's words leaves it detached in the panel, not lost.
  await maya.select(maya.editor, FIRST_SENTENCE);
  await maya.page.keyboard.press("Delete");
  await expect(tom.claims.first().getByTestId("claim-text")).toHaveText(/Detached/);
  await expect(tom.highlights).toHaveCount(0);
});

test("a claim can be marked from the keyboard, and marking without a selection says what to do", async ({
  browser,
}) => {
  const page = new WorkspacePage(await signedInPage(browser, demoUser("reviewer")));
  await page.goto(await copyDemoStory());
  await page.editor.click();
  await page.page.getByRole("button", { name: "Mark as claim" }).click();
  await expect(page.page.getByText("Select the words of the claim in the summary first.")).toBeVisible();

  const words = "Chinese officials have yet to respond.";
  await page.editor.focus();
  await page.select(page.editor, ` ${words}`);
  await page.page.keyboard.press("Control+Alt+C");
  // The leading space of the selection is not part of the claim.
  await expect(page.claim(words).getByTestId("claim-text")).toHaveText(`“${words}”`);
  await expect(page.page.getByText("Select the words of the claim in the summary first.")).toHaveCount(0);
});

test("a claim marked by mistake is deleted for both editors, and its words stay in the summary", async ({
  browser,
}) => {
  const slug = await copyDemoStory();
  const maya = new WorkspacePage(await signedInPage(browser, demoUser("editor", 0)));
  const tom = new WorkspacePage(await signedInPage(browser, demoUser("editor", 1)));
  await maya.goto(slug);
  await tom.goto(slug);
  const words = "Chinese officials have yet to respond.";
  await maya.markClaim(words);
  await expect(tom.claim(words)).toHaveCount(1);
  const before = await tom.summaryText();

  const card = maya.claim(words);
  await card.getByRole("button", { name: "Delete claim…" }).click();
  const confirm = card.getByRole("group", { name: "Delete this claim" });
  await expect(confirm).toContainText("Delete this claim with its 0 quotes and 0 comments, for everyone?");
  await confirm.getByRole("button", { name: "Keep it" }).click();
  await expect(maya.claims).toHaveCount(1);
  await card.getByRole("button", { name: "Delete claim…" }).click();
  await confirm.getByRole("button", { name: "Delete claim" }).click();

  for (const side of [maya, tom]) {
    await expect(side.claims).toHaveCount(0);
    await expect(side.highlights).toHaveCount(0);
  }
  expect(await tom.summaryText()).toBe(before);
});
