import type { Browser, Page } from "@playwright/test";
import { copyDemoStory, demoUser, expect, seriousAxeViolations, signedInPage, test } from "../support/e2e/test";
import { AssistantPanel } from "../support/e2e/pages/assistant-panel";
import { DEMO_CHECK, DEMO_CHECK_CLAIMS, publishStoryWithClaims } from "../support/e2e/published-story";
import { WorkspacePage } from "../support/e2e/pages/workspace-page";

const FIRST_SENTENCE =
  "The CIA has released two Mandarin-language recruitment videos targeting disillusioned Chinese officials, aiming to encourage them to leak secrets to the U.S.";
const LAST_SENTENCE = "Chinese officials have yet to respond.";
// The first clause of the summary's fourth sentence: 002 says it, Bloomberg (001) does not.
const RUSSIA_CLAUSE = "The campaign follows previous successes in recruiting informants from Russia";
const FROM_002 =
  "The campaign follows similar efforts previously aimed at Russian officials, which U.S. intelligence sources claim have successfully generated new leads and informants.";
// Bloomberg's (001) opening sentence: it says what the first sentence of the summary says.
const FROM_001 =
  "WASHINGTON — The Central Intelligence Agency released two videos Thursday aimed at recruiting Chinese officials who might be disillusioned by their prospects in government in a bid to get them to share top secrets about China with the U.S.";

/** Maya and Tom, each in a browser context of their own, in the workspace of a fresh copy of the demo story. */
async function twoEditorsOnADemoCopy(browser: Browser) {
  const maya = new WorkspacePage(await signedInPage(browser, demoUser("editor", 0)));
  const tom = new WorkspacePage(await signedInPage(browser, demoUser("editor", 1)));
  const slug = await copyDemoStory();
  await maya.goto(slug);
  await tom.goto(slug);
  return { maya, tom, mayaAssistant: new AssistantPanel(maya.page), tomAssistant: new AssistantPanel(tom.page) };
}

test("the assistant suggests a source passage for the first claim and one click attaches it, live for both editors", async ({
  browser,
}) => {
  const { maya, tom, mayaAssistant, tomAssistant } = await twoEditorsOnADemoCopy(browser);

  // No claim has evidence yet: every sentence of the summary needs a citation.
  await expect.poll(() => mayaAssistant.citationsNeeded()).toHaveLength(5);
  const citations = await mayaAssistant.citationsNeeded();
  expect(citations[0]).toBe(FIRST_SENTENCE);
  expect(citations[4]).toBe(LAST_SENTENCE);
  await expect(maya.editor.locator('[data-flag-kind="citation_needed"]').first()).toHaveAttribute(
    "aria-description",
    "Citation needed: no claim with evidence",
  );

  await maya.markClaim(FIRST_SENTENCE);
  await expect(maya.claim(FIRST_SENTENCE)).toHaveCount(1);
  // A claim without evidence still needs a citation.
  await expect.poll(() => mayaAssistant.citationsNeeded()).toEqual(citations);

  const suggestion = mayaAssistant.suggestion(FROM_001);
  await expect(suggestion).toHaveCount(1);
  await expect(suggestion.getByTestId("suggestion-outlet")).toHaveText("Bloomberg");
  // The words the sentence shares with the claim are emphasised.
  await expect(suggestion.locator("strong", { hasText: "disillusioned" })).toHaveCount(1);
  await expect(suggestion.locator("strong", { hasText: "Thursday" })).toHaveCount(0);

  await suggestion.getByRole("button", { name: "Attach as evidence: the passage from Bloomberg" }).click();
  const mayaQuotes = maya.claim(FIRST_SENTENCE).getByTestId("quote-card");
  await expect(mayaQuotes).toHaveCount(1);
  await expect(mayaQuotes.getByTestId("quote-exact")).toHaveText(FROM_001);
  await expect(mayaQuotes).toContainText("Verified verbatim");
  await expect(mayaQuotes).toContainText("Supports");
  await expect(mayaAssistant.suggestion(FROM_001)).toHaveCount(0);
  await expect(mayaAssistant.suggestions).not.toHaveCount(0);
  await expect(mayaAssistant.panel.getByTestId("claim-coverage")).toContainText("Bloomberg");

  // The first sentence has an evidenced claim now; the other four still need a citation, for both editors.
  await expect.poll(() => mayaAssistant.citationsNeeded()).toEqual(citations.slice(1));
  await expect.poll(() => tomAssistant.citationsNeeded()).toEqual(citations.slice(1));

  // Tom sees the quote live. The story's flags list warns that the claim rests on one outlet; clicking the
  // warning opens the claim.
  await tomAssistant.storyFlags.locator('[data-flag-kind="single_source"]').getByRole("button").click();
  await expect(tom.claim(FIRST_SENTENCE).getByRole("button", { expanded: true })).toHaveCount(1);
  const tomQuotes = tom.claim(FIRST_SENTENCE).getByTestId("quote-card");
  await expect(tomQuotes.getByTestId("quote-exact")).toHaveText(FROM_001);
  await expect(tomQuotes).toContainText("Verified verbatim");
  await expect(tomAssistant.suggestion(FROM_001)).toHaveCount(0);

  // A summary flag of the story's list shows its sentence in the summary.
  const third = tomAssistant.storyFlags.getByTestId("story-flag").filter({ hasText: "CIA Director John Ratcliffe" });
  await third.locator("summary").click();
  await third.getByRole("button", { name: "Show in summary" }).click();
  await expect.poll(() => tom.page.evaluate(() => document.getSelection()?.toString())).toBe(citations[2]);
});

test("a flag dismissed with a reason is dismissed for everyone, and can be restored", async ({ browser }) => {
  const { maya, tom, mayaAssistant, tomAssistant } = await twoEditorsOnADemoCopy(browser);

  await maya.markClaim(FIRST_SENTENCE);
  await mayaAssistant
    .suggestion(FROM_001)
    .getByRole("button", { name: /^Attach/ })
    .click();
  // One quote from one outlet: the assistant warns that the claim rests on a single source.
  const singleSource = "Only one outlet supports this claim";
  await expect(mayaAssistant.flag(singleSource)).toContainText("Every supporting quote comes from Bloomberg");

  // Without a reason there is no dismissal.
  await mayaAssistant.dismiss(singleSource, "   ");
  await expect(mayaAssistant.flag(singleSource).getByRole("alert")).toHaveText("Say why this flag does not apply.");
  await mayaAssistant.flag(singleSource).getByRole("button", { name: "Cancel" }).click();
  await expect(mayaAssistant.flag(singleSource)).toHaveCount(1);

  await expect(mayaAssistant.storyFlags.locator('[data-flag-kind="single_source"]')).toHaveCount(1);
  const reason = "NBC News is attached next; Bloomberg alone is fine for the draft";
  await mayaAssistant.dismiss(singleSource, reason);
  await expect(mayaAssistant.flag(singleSource)).toHaveCount(0);
  await expect(mayaAssistant.dismissedFlags).toContainText("Dismissed (1)");

  await tom.claim(FIRST_SENTENCE).getByRole("button", { expanded: false }).click();
  await expect(tomAssistant.dismissedFlags).toContainText("Dismissed (1)");
  await expect(tomAssistant.flag(singleSource)).toHaveCount(0);
  await tomAssistant.dismissedFlags.getByText("Dismissed (1)").click();
  const dismissal = tomAssistant.dismissedFlags.getByTestId("flag-dismissal");
  await expect(dismissal).toContainText("Dismissed by Maya Chen");
  await expect(dismissal).toContainText(reason);
  await expect(tomAssistant.storyFlags.locator('[data-flag-kind="single_source"]')).toHaveCount(0);

  // Tom restores it: Maya sees the warning again.
  await dismissal.getByRole("button", { name: /^Restore/ }).click();
  await expect(mayaAssistant.flag(singleSource)).toHaveCount(1);
  await expect(mayaAssistant.dismissedFlags).toHaveCount(0);
});

test("the assistant shows each source's best passage for the claim, or nothing close, and attaches one", async ({
  browser,
}) => {
  const { maya, mayaAssistant } = await twoEditorsOnADemoCopy(browser);
  await maya.markClaim(RUSSIA_CLAUSE);
  await expect(maya.claim(RUSSIA_CLAUSE)).toHaveCount(1);

  // One row per source of the story (four articles and the four cards of the aggregator page).
  await expect(mayaAssistant.sourcePassages).toHaveCount(8);
  await expect(mayaAssistant.sourcePassage("Bloomberg")).toHaveAttribute("data-state", "nothing-close");
  await expect(mayaAssistant.sourcePassage("Bloomberg")).toContainText("Nothing close");
  const unnamed = mayaAssistant.sourcePassage("Outlet not stated");
  await expect(unnamed).toHaveAttribute("data-state", "close");
  await expect(unnamed.getByTestId("source-passage-text")).toHaveText(FROM_002);
  await expect(unnamed.locator("strong", { hasText: "campaign" })).toHaveCount(1);

  await unnamed.getByRole("button", { name: "Attach as evidence: the passage from Outlet not stated" }).click();
  await expect(maya.claim(RUSSIA_CLAUSE).getByTestId("quote-exact")).toHaveText(FROM_002);
  // The attached quote stays that source's passage, marked as attached.
  await expect(unnamed).toHaveAttribute("data-state", "attached");
  await expect(unnamed).toContainText("Attached");
  await expect(mayaAssistant.sourcePassage("Bloomberg")).toHaveAttribute("data-state", "nothing-close");

  await mayaAssistant.panel.screenshot({ path: "tests/.tmp/assistant-per-source.png" });
});

// The second sentence's second clause: Myind (003) says it with other words ("portray", "disappointment").
const FICTIONAL_CLAUSE =
  "showcases fictional scenarios in which officials express frustration over the ruling Communist Party's corruption and repression";
const FROM_003 =
  "These dramatised clips portray fictional Chinese officials secretly reaching out to the CIA, expressing disappointment in China's political system and a wish to secure a better future for their families.";
const WORD_VECTORS = "/assistant/word-vectors.bin";

/**
 * The JavaScript heap of each dedicated worker of the browser after a collection, by target id, through the
 * DevTools protocol (HeapProfiler.collectGarbage, then Runtime.getHeapUsage in the worker): what the
 * assistant's worker holds, measured in Chromium itself, in MB: the JavaScript heap and the array buffers'
 * backing stores (where the word vectors' bytes are).
 */
async function workerHeaps(browser: Browser): Promise<Map<string, { heap: number; buffers: number }>> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send("Target.getTargets");
    const heaps = new Map<string, { heap: number; buffers: number }>();
    for (const target of targetInfos.filter((info) => info.type === "worker")) {
      const { sessionId } = await session.send("Target.attachToTarget", { targetId: target.targetId });
      const call = (id: number, method: string) => {
        type Usage = { usedSize?: number; backingStorageSize?: number };
        const answer = new Promise<Usage>((resolve) => {
          session.on("Target.receivedMessageFromTarget", (event) => {
            const message = JSON.parse(event.message) as { id?: number; result?: Usage };
            if (event.sessionId === sessionId && message.id === id) resolve(message.result ?? {});
          });
        });
        return session
          .send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method }) })
          .then(() => answer);
      };
      await call(1, "HeapProfiler.collectGarbage");
      const usage = await call(2, "Runtime.getHeapUsage");
      heaps.set(target.targetId, { heap: (usage.usedSize ?? 0) / 1e6, buffers: (usage.backingStorageSize ?? 0) / 1e6 });
      await session.send("Target.detachFromTarget", { sessionId });
    }
    return heaps;
  } finally {
    await session.detach();
  }
}

/** The assistant's word-vector downloads of a page: how many, and their bytes as received. */
function watchWordVectors(page: Page): Array<{ status: number; bytes: Promise<number> }> {
  const downloads: Array<{ status: number; bytes: Promise<number> }> = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname !== WORD_VECTORS) return;
    downloads.push({
      status: response.status(),
      bytes: response
        .request()
        .sizes()
        .then((sizes) => sizes.responseBodySize),
    });
  });
  return downloads;
}

test("the assistant matches a claim's words by meaning with the word vectors its worker fetches once, and by words alone without them", async ({
  browser,
}) => {
  const slug = await copyDemoStory();
  // Tom's browser cannot reach the vectors: his assistant ranks by BM25 alone.
  const tom = new WorkspacePage(await signedInPage(browser, demoUser("editor", 1)));
  await tom.page.route(`**${WORD_VECTORS}`, (route) => route.abort());
  await tom.goto(slug);
  await tom.markClaim(FICTIONAL_CLAUSE);
  await expect(tom.claim(FICTIONAL_CLAUSE)).toHaveCount(1);
  const tomRow = new AssistantPanel(tom.page).sourcePassage("Myind");
  await expect(tomRow.getByTestId("source-passage-text")).toHaveText(FROM_003);
  await expect(tomRow.locator("strong", { hasText: "fictional" })).toHaveCount(1);
  await expect(tomRow.locator("strong", { hasText: "disappointment" })).toHaveCount(0);
  const before = await workerHeaps(browser);

  const maya = new WorkspacePage(await signedInPage(browser, demoUser("editor", 0)));
  const downloads = watchWordVectors(maya.page);
  await maya.goto(slug);
  await maya.claim(FICTIONAL_CLAUSE).getByRole("button", { expanded: false }).click();
  const mayaRow = new AssistantPanel(maya.page).sourcePassage("Myind");
  await expect(mayaRow.getByTestId("source-passage-text")).toHaveText(FROM_003);
  // "disappointment" matches the claim's "frustration" by meaning, and says so; "fictional" by its word.
  const meaning = mayaRow.locator('strong[data-match="meaning"]');
  await expect(meaning).toHaveText(["disappointment"]);
  await expect(meaning).toHaveAttribute("title", "Close in meaning to “frustration”");
  await expect(mayaRow.locator("strong:not([data-match])", { hasText: "fictional" })).toHaveCount(1);
  await expect(mayaRow.locator("strong", { hasText: "families" })).toHaveCount(0);

  // One download for the worker's life, from our own server.
  expect(downloads.map((download) => download.status)).toEqual([200]);
  const bytes = await downloads[0]!.bytes;
  expect(bytes).toBeGreaterThan(1e6);
  const after = await workerHeaps(browser);
  const withVectors = [...after].filter(([id]) => !before.has(id)).map(([, used]) => used);
  const memory = (usage: { heap: number; buffers: number }) =>
    `heap ${usage.heap.toFixed(1)} MB + array buffers ${usage.buffers.toFixed(1)} MB`;
  const figures = `word vectors downloaded: ${(bytes / 1e6).toFixed(2)} MB; assistant worker after a collection: ${withVectors.map(memory).join(", ")} with the vectors, ${[...before.values()].map(memory).join(", ")} without (BM25 alone)`;
  console.log(figures);
  test.info().annotations.push({ type: "assistant worker", description: figures });
  expect(withVectors).toHaveLength(1);
  await mayaRow.screenshot({ path: "tests/.tmp/assistant-meaning-match.png" });
});

test("on a slow link the assistant starts on words alone and matches by meaning once the word vectors arrive", async ({
  browser,
}) => {
  const slug = await copyDemoStory();
  const maya = new WorkspacePage(await signedInPage(browser, demoUser("editor", 0)));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await maya.page.route(`**${WORD_VECTORS}`, async (route) => {
    await held;
    await route.continue();
  });
  await maya.goto(slug);
  await maya.markClaim(FICTIONAL_CLAUSE);
  const row = new AssistantPanel(maya.page).sourcePassage("Myind");
  // Suggestions come while the file is still on its way: by words alone.
  await expect(row.getByTestId("source-passage-text")).toHaveText(FROM_003, { timeout: 10_000 });
  await expect(row.locator("strong", { hasText: "fictional" })).toHaveCount(1);
  await expect(row.locator('strong[data-match="meaning"]')).toHaveCount(0);
  release();
  await expect(row.locator('strong[data-match="meaning"]')).toHaveText(["disappointment"]);
});

test("Propose claims marks the summary's check-worthy spans with reasons; Enter or a click makes one a claim", async ({
  browser,
}) => {
  const { maya, tom, mayaAssistant: assistant } = await twoEditorsOnADemoCopy(browser);
  const proposals = assistant.panel.getByTestId("claim-proposal");

  await assistant.panel.getByRole("button", { name: "Propose claims" }).click();
  await expect(proposals).toHaveCount(6);
  await expect(proposals.getByTestId("claim-proposal-text")).toHaveText([
    FIRST_SENTENCE,
    /^This initiative, part of an increased focus/,
    /^CIA Director John Ratcliffe emphasized/,
    RUSSIA_CLAUSE,
    "indicates the agency's strategy to exploit dissatisfaction within authoritarian regimes.",
    LAST_SENTENCE,
  ]);
  await expect(proposals.first().getByTestId("claim-proposal-reasons").locator("> span")).toHaveText([
    "Number or date: two;",
    "Names: CIA, Mandarin, Chinese, U.S.;",
    "Cause or purpose: aiming to;",
  ]);
  await expect(proposals.nth(2)).toContainText("Attributed: emphasized, describing");
  // The summary marks the same words inline.
  const proposalMarks = () =>
    maya.editor.evaluate((editor) => {
      const words = new Map<string, string>();
      for (const mark of editor.querySelectorAll<HTMLElement>("[data-proposal-id]")) {
        const clone = mark.cloneNode(true) as HTMLElement;
        for (const caret of clone.querySelectorAll(".collaboration-carets__caret")) caret.remove();
        const id = mark.dataset.proposalId ?? "";
        words.set(id, (words.get(id) ?? "") + (clone.textContent ?? ""));
      }
      return [...words.values()];
    });
  await expect.poll(proposalMarks).toEqual(await proposals.getByTestId("claim-proposal-text").allTextContents());
  // The sentences still need a citation: both marks are there.
  await expect.poll(() => assistant.citationsNeeded()).toHaveLength(5);
  expect(await seriousAxeViolations(maya.page)).toEqual([]);

  // Enter on the focused proposal makes it a claim through the editor's own path; the claim becomes the active
  // one, the proposal leaves the list and the keyboard stays on the next proposal.
  await assistant.panel.getByRole("button", { name: `Make a claim: ${FIRST_SENTENCE}` }).focus();
  await maya.page.keyboard.press("Enter");
  await expect(maya.claim(FIRST_SENTENCE)).toHaveCount(1);
  await expect(maya.claims).toHaveCount(1);
  await expect(assistant.panel.getByText(`“${FIRST_SENTENCE}”`)).toBeVisible();
  await expect(proposals).toHaveCount(5);
  await expect(maya.page.locator(":focus")).toHaveAccessibleName(/^Make a claim: This initiative/);
  await expect.poll(async () => (await proposalMarks()).length).toBe(5);
  expect(await proposalMarks()).not.toContain(FIRST_SENTENCE);

  // A click makes another; Tom sees both claims live, marked on exactly those words.
  await proposals.filter({ hasText: RUSSIA_CLAUSE }).getByRole("button").click();
  await expect(maya.claim(RUSSIA_CLAUSE)).toHaveCount(1);
  await expect(proposals).toHaveCount(4);
  await expect(tom.claims).toHaveCount(2);
  await expect(tom.claim(RUSSIA_CLAUSE).getByTestId("claim-text")).toHaveText(`“${RUSSIA_CLAUSE}”`);
  await expect.poll(() => tom.highlightedText()).toBe(FIRST_SENTENCE + RUSSIA_CLAUSE);

  await assistant.panel.screenshot({ path: "tests/.tmp/assistant-proposals.png" });
  await maya.page.screenshot({ path: "tests/.tmp/assistant-proposals-page.png" });
  await assistant.panel.getByRole("button", { name: "Hide proposals" }).click();
  await expect(proposals).toHaveCount(0);
  await expect.poll(proposalMarks).toEqual([]);
});

test("a claim checked before in another story's published check shows with its verdict, evidence and link", async ({
  browser,
}) => {
  const published = await copyDemoStory();
  await publishStoryWithClaims(published, DEMO_CHECK);
  const maya = new WorkspacePage(await signedInPage(browser, demoUser("editor", 0)));
  await maya.goto(await copyDemoStory());
  const assistant = new AssistantPanel(maya.page);
  const checkedBefore = assistant.panel.getByTestId("checked-before");

  // A claim no published check has: nothing to show.
  await maya.markClaim("This initiative, part of an increased focus on gathering intelligence from China");
  await expect(checkedBefore).toContainText("No published check of another story has a claim like this.");

  await maya.markClaim(DEMO_CHECK_CLAIMS.first);
  const match = checkedBefore.getByTestId("checked-before-match").first();
  await expect(checkedBefore.getByRole("heading")).toHaveText(/^Checked before \(\d+\)$/);
  await expect(match.getByTestId("checked-before-claim")).toHaveText(`“${DEMO_CHECK_CLAIMS.first}”`);
  await expect(match.getByTestId("checked-before-verdict")).toHaveText("Supported");
  await expect(match.getByTestId("checked-before-quote")).toHaveText([
    `NBC News: “${DEMO_CHECK[0]!.evidence[0]!.passage}”`,
    `Bloomberg: “${DEMO_CHECK[0]!.evidence[1]!.passage}”`,
  ]);
  const link = match.getByRole("link");
  await expect(link).toHaveAttribute("href", new RegExp(`^/stories/${published}/v/1#claim-`));
  expect(await seriousAxeViolations(maya.page)).toEqual([]);
  await assistant.panel.screenshot({ path: "tests/.tmp/assistant-checked-before.png" });
  // On a phone: the same, with proposals open too, nothing wider than the screen and no axe violation.
  await maya.page.setViewportSize({ width: 390, height: 844 });
  await assistant.panel.getByRole("button", { name: "Propose claims" }).click();
  await expect(assistant.panel.getByTestId("claim-proposal")).toHaveCount(5);
  expect(await maya.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await seriousAxeViolations(maya.page)).toEqual([]);
  await assistant.panel.screenshot({ path: "tests/.tmp/assistant-phone.png" });

  await link.click();
  await expect(maya.page).toHaveURL(new RegExp(`/stories/${published}/v/1#claim-`));
  await expect(maya.page.getByText(DEMO_CHECK_CLAIMS.first).first()).toBeVisible();
});
