import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { addComment } from "@/lib/claims/story-claims";
import { mentionToken } from "@/lib/mentions/mention-tokens";
import { assignClaim } from "@/server/claims/assign-claim";
import { loadNewsroomHome } from "@/server/stories/queries";
import { storyFiltersSchema, type StoryFilters } from "@/server/stories/story-filters";
import { setStoryReviewer } from "@/server/stories/story-reviewer";
import { eventually, openAs, serveEachTest } from "../../../support/collab-harness";
import { createStory, createUser, INTEGRATION_PROVIDER, integrationPrisma } from "../../../support/database";
import { storyWithClaim } from "../../../support/review-story";

const prisma = integrationPrisma();
const cleanups: Array<() => unknown> = [];
const served = serveEachTest(prisma, cleanups);
afterAll(() => prisma.$disconnect());

const ANYONE = { id: "nobody", role: "editor" as const };

/** The ids of the stories the home lists for these filters (as the page reads them from GET parameters). */
async function listed(
  params: Record<string, string>,
  user: { id: string; role: "editor" | "reviewer" | "admin" } = ANYONE,
) {
  const filters: StoryFilters = storyFiltersSchema.parse(params);
  const { stories } = await loadNewsroomHome(prisma, INTEGRATION_PROVIDER, user, filters);
  return new Set(stories.map(({ id }) => id));
}

/** A word no other story of the shared test database holds. */
const uniqueWord = (stem: string) => `${stem}${randomUUID().replaceAll("-", "").slice(0, 10)}`;

describe("the story search", () => {
  it("finds a story by a word of its title, of its draft's summary, and of a source's headline or text", async () => {
    const titleWord = uniqueWord("kestrel");
    const summaryWord = uniqueWord("lantern");
    const headlineWord = uniqueWord("harbour");
    const textWord = uniqueWord("quarry");
    const story = await createStory(prisma, [`The minister denied the ${summaryWord} report on Tuesday.`]);
    const other = await createStory(prisma, ["Nothing of interest."]);
    await prisma.story.update({ where: { id: story }, data: { title: `Budget ${titleWord} check` } });
    await prisma.source.create({
      data: {
        storyId: other,
        headline: `Ports ${headlineWord} strike`,
        text: `Dock workers walked out. The ${textWord} closed.`,
        contentHash: randomUUID(),
      },
    });
    // The summary is written into the index when the server first reads the draft.
    await listed({});

    expect(await listed({ q: titleWord })).toEqual(new Set([story]));
    expect(await listed({ q: `${summaryWord.toUpperCase()} minister` })).toEqual(new Set([story]));
    expect(await listed({ q: headlineWord })).toEqual(new Set([other]));
    expect(await listed({ q: `${textWord} dock` })).toEqual(new Set([other]));
    // Every word must be found; a word's beginning is not the word (a full-text index, not LIKE '%…%').
    expect(await listed({ q: `${titleWord} ${textWord}` })).toEqual(new Set());
    expect(await listed({ q: titleWord.slice(0, -2) })).toEqual(new Set());
    // What would be operators in the engines' syntax is only words.
    expect(await listed({ q: `"${titleWord}" OR NEAR(*)` })).toEqual(new Set());
    expect(await listed({ q: `-${titleWord}` })).toEqual(new Set([story]));
  });

  it("follows a changed title, a corrected source text and a changed draft", async () => {
    const before = uniqueWord("osprey");
    const after = uniqueWord("heron");
    const storyId = await createStory(prisma, [`A ${before} was seen.`]);
    const source = await prisma.source.create({
      data: { storyId, headline: null, text: `Witnesses saw the ${before}.`, contentHash: randomUUID() },
    });
    await listed({});
    expect(await listed({ q: before })).toEqual(new Set([storyId]));

    await prisma.source.update({ where: { id: source.id }, data: { text: `Witnesses saw the ${after}.` } });
    await prisma.story.update({ where: { id: storyId }, data: { title: `About a ${after}` } });
    const maya = await createUser(prisma, "editor");
    const tab = await openAs(served.wsUrl, { ...maya, role: "editor" }, storyId, cleanups);
    tab.doc.getXmlFragment("summary").delete(0, 1);
    await eventually(async () => expect(await listed({ q: before })).toEqual(new Set()));
    expect(await listed({ q: after })).toEqual(new Set([storyId]));
  });
});

describe("the story filters", () => {
  it("keeps stories by status, reviewer, assignee and how recently they changed", async () => {
    const maya = await createUser(prisma, "editor", "Maya");
    const rosa = await createUser(prisma, "reviewer", "Rosa");
    const { storyId } = await storyWithClaim(served, { ...maya, role: "editor" });
    const old = await createStory(prisma, ["An old story."]);
    const longAgo = new Date(Date.now() - 10 * 24 * 60 * 60 * 1000);
    await prisma.story.update({ where: { id: old }, data: { status: "published", updatedAt: longAgo } });
    await prisma.storyDocument.update({ where: { storyId: old }, data: { updatedAt: longAgo } });

    await setStoryReviewer(prisma, maya, storyId, { reviewerId: rosa.id });
    await assignClaim(served, maya, storyId, "claim-1", { assigneeId: maya.id });

    expect(await listed({ reviewer: rosa.id })).toEqual(new Set([storyId]));
    expect(await listed({ reviewer: "me" }, { ...rosa, role: "reviewer" })).toEqual(new Set([storyId]));
    expect(await listed({ assignee: "me" }, { ...maya, role: "editor" })).toEqual(new Set([storyId]));
    expect(await listed({ assignee: rosa.id })).toEqual(new Set());

    const published = await listed({ status: "published" });
    expect(published.has(old)).toBe(true);
    expect(published.has(storyId)).toBe(false);
    const thisWeek = await listed({ updated: "week" });
    expect(thisWeek.has(storyId)).toBe(true);
    expect(thisWeek.has(old)).toBe(false);
    expect((await listed({ updated: "month" })).has(old)).toBe(true);
    // A value the form does not offer counts as no filter.
    expect((await listed({ status: "lost", updated: "century" })).has(old)).toBe(true);
  });
});

describe("my work", () => {
  it("lists what is assigned to me, what I may review (never what I touched), my mentions and what I follow", async () => {
    const maya = await createUser(prisma, "editor", "Maya");
    const rosa = await createUser(prisma, "reviewer", "Rosa");
    const ravi = await createUser(prisma, "reviewer", "Ravi");
    const { storyId, provider } = await storyWithClaim(served, { ...maya, role: "editor" });
    const story = await prisma.story.findUniqueOrThrow({ where: { id: storyId } });
    const href = `/stories/${story.slug}/edit?claim=claim-1`;
    await assignClaim(served, maya, storyId, "claim-1", { assigneeId: rosa.id });
    addComment(provider.doc, "claim-1", {
      id: "k1",
      body: `${mentionToken(rosa.id)} can you check the date?`,
      author: { id: maya.id, name: "Maya" },
      createdAt: new Date().toISOString(),
    });
    // Ravi comments on the claim: he touched it, so four eyes keep it out of his review.
    const ravisTab = await openAs(served.wsUrl, { ...ravi, role: "reviewer" }, storyId, cleanups);
    addComment(ravisTab.doc, "claim-1", {
      id: "k2",
      body: "Looks right to me.",
      author: { id: ravi.id, name: "Ravi" },
      createdAt: new Date().toISOString(),
    });
    await eventually(async () => {
      expect(await prisma.notification.count({ where: { recipientId: rosa.id, kind: "mentioned" } })).toBe(1);
      expect(await prisma.claimActivity.count({ where: { storyId, userId: ravi.id } })).toBe(1);
    });

    const forRosa = (await loadNewsroomHome(prisma, INTEGRATION_PROVIDER, { ...rosa, role: "reviewer" })).myWork;
    expect(forRosa.assigned).toEqual([expect.objectContaining({ claimId: "claim-1", href, status: "needs_review" })]);
    expect(forRosa.toReview.map((item) => item.href)).toContain(href);
    expect(forRosa.mentions).toEqual([expect.objectContaining({ href, by: "Maya" })]);
    expect(forRosa.following.map(({ id }) => id)).toEqual([storyId]);

    const forRavi = (await loadNewsroomHome(prisma, INTEGRATION_PROVIDER, { ...ravi, role: "reviewer" })).myWork;
    expect(forRavi.toReview.map((item) => item.href)).not.toContain(href);
    expect(forRavi.following.map(({ id }) => id)).toEqual([storyId]);

    const forMaya = (await loadNewsroomHome(prisma, INTEGRATION_PROVIDER, { ...maya, role: "editor" })).myWork;
    expect(forMaya.toReview).toEqual([]);
    expect(forMaya.assigned).toEqual([]);
    expect(forMaya.following.map(({ id }) => id)).toEqual([storyId]);
  });
});
