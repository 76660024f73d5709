import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { markClaimSpan } from "@/lib/anchoring/claim-spans";
import { claimsMap, createClaim, setClaimStatusAsEditor } from "@/lib/claims/story-claims";
import { SUMMARY_FIELD } from "@/lib/story-doc/summary";
import { CollabUnavailableError, type CollabClient } from "@/server/collab/collab-client";
import { loadReviewQueue } from "@/server/review/review-queue";
import { listStories } from "@/server/stories/queries";
import { serveEachTest } from "../../../support/collab-harness";
import { createStory, createUser, integrationPrisma } from "../../../support/database";
import { HOSTILE_DEPTH, nestElements, nestMaps } from "../../../support/hostile-document";

const prisma = integrationPrisma();
const SUMMARY = [
  "The CIA has released two Mandarin-language recruitment videos targeting disillusioned Chinese officials.",
  "Chinese officials have yet to respond.",
];
const MAYA = { id: "u-maya", name: "Maya Chen" };

const cleanups: Array<() => unknown> = [];
const served = serveEachTest(prisma, cleanups);
afterAll(() => prisma.$disconnect());
afterEach(() => {
  vi.restoreAllMocks();
});

/** Keeps the server's error log out of the test output, for the test to read. */
function errorLog() {
  return vi.spyOn(console, "error").mockImplementation(() => {});
}

/** Replaces a story's stored document. */
async function storeDocument(storyId: string, state: Uint8Array): Promise<void> {
  await prisma.storyDocument.update({ where: { storyId }, data: { state: Uint8Array.from(state) } });
}

/** A story whose first sentence is a claim in review and whose second is a draft claim; `harm` may add to it. */
async function storyWithClaims(harm: (doc: Y.Doc) => void = () => {}): Promise<string> {
  const storyId = await createStory(prisma, SUMMARY);
  const doc = new Y.Doc();
  const stored = await prisma.storyDocument.findUniqueOrThrow({ where: { storyId } });
  Y.applyUpdate(doc, stored.state);
  const at = new Date("2026-11-23T10:00:00.000Z");
  createClaim(doc, { id: "claim-1", by: MAYA, at });
  markClaimSpan(doc, "claim-1", 0, SUMMARY[0]!.length);
  setClaimStatusAsEditor(doc, "claim-1", "needs_review");
  createClaim(doc, { id: "claim-2", by: MAYA, at });
  markClaimSpan(doc, "claim-2", SUMMARY[0]!.length + 1, SUMMARY.join("\n").length);
  harm(doc);
  await storeDocument(storyId, Y.encodeStateAsUpdate(doc));
  return storyId;
}

/**
 * A normal story; one where a raw client nested 20,000 deep under the claims map and in the summary; one whose
 * stored state is cut short.
 */
async function threeStories() {
  const normal = await storyWithClaims();
  const hostile = await storyWithClaims((doc) => {
    nestMaps(claimsMap(doc) as Y.Map<unknown>, "deep");
    nestElements(doc.getXmlFragment(SUMMARY_FIELD), HOSTILE_DEPTH);
  });
  const corrupt = await createStory(prisma, SUMMARY);
  const { state } = await prisma.storyDocument.findUniqueOrThrow({ where: { storyId: corrupt } });
  await storeDocument(corrupt, state.subarray(0, state.length - 5));
  return { normal, hostile, corrupt };
}

describe("one story whose document is hostile or cannot be read", () => {
  it("is listed by listStories as unreadable while the others keep their claim counts", async () => {
    const { normal, hostile, corrupt } = await threeStories();
    const log = errorLog();
    const stories = new Map((await listStories(prisma)).map((story) => [story.id, story]));
    const counts = { draft: 1, needs_review: 1, approved: 0, rejected: 0 };
    expect(stories.get(normal)).toMatchObject({ unreadable: false, claimsByStatus: counts });
    expect(stories.get(hostile)).toMatchObject({ unreadable: false, claimsByStatus: counts });
    expect(stories.get(corrupt)).toMatchObject({ title: expect.any(String), unreadable: true, claimsByStatus: null });
    expect(log).toHaveBeenCalledWith(expect.stringContaining(corrupt), expect.any(Error));
  });

  it("is named as unreadable by the review queue, which still lists the other stories' claims", async () => {
    const { normal, hostile, corrupt } = await threeStories();
    const reviewer = await createUser(prisma, "reviewer");
    const log = errorLog();
    // The live documents as stored, as a collaboration server that does not check them would serve them.
    const unchecked: CollabClient = {
      ...served.collab,
      async liveDocument(storyId) {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, (await prisma.storyDocument.findUniqueOrThrow({ where: { storyId } })).state);
        return doc;
      },
    };
    const queue = await loadReviewQueue({ prisma, collab: unchecked }, reviewer.id);
    const ours = new Set([normal, hostile, corrupt]);
    const listed = queue.claims.filter(({ story }) => ours.has(story.id));
    expect(listed.map(({ story, claim, canDecide }) => `${story.id}/${claim.claim.id}/${canDecide}`).sort()).toEqual(
      [`${hostile}/claim-1/true`, `${normal}/claim-1/true`].sort(),
    );
    expect(queue.claims.find(({ story }) => story.id === normal)?.claim.span?.text).toBe(SUMMARY[0]);
    expect(queue.unreadable.filter((story) => ours.has(story.id)).map((story) => story.id)).toEqual([corrupt]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(corrupt), expect.any(Error));
  });

  it("is named as unreadable by the review queue when the collaboration server cannot serve it", async () => {
    const { normal, hostile, corrupt } = await threeStories();
    const reviewer = await createUser(prisma, "reviewer");
    errorLog();
    const queue = await loadReviewQueue(served, reviewer.id);
    expect(queue.claims.filter(({ story }) => story.id === normal).map(({ claim }) => claim.claim.id)).toEqual([
      "claim-1",
    ]);
    const unreadable = new Set(queue.unreadable.map((story) => story.id));
    expect(unreadable.has(corrupt)).toBe(true);
    // The collaboration server may refuse to serve the hostile document (its write policy decides); either way
    // the story is accounted for, never dropped.
    expect(unreadable.has(hostile) || queue.claims.some(({ story }) => story.id === hostile)).toBe(true);
  });
});

describe("the review queue with the collaboration server down", () => {
  it("says so, and no story is blamed for it", async () => {
    const storyId = await storyWithClaims();
    const unreachable = new CollabUnavailableError("The collaboration server is not reachable (ECONNREFUSED).");
    const down: CollabClient = { ...served.collab, liveDocument: () => Promise.reject(unreachable) };
    const reviewer = await createUser(prisma, "reviewer");
    const log = errorLog();
    const queue = await loadReviewQueue({ prisma, collab: down }, reviewer.id);
    expect(queue.unreachable).toBe(true);
    expect(queue.unreadable.map((story) => story.id)).not.toContain(storyId);
    expect(queue.claims.map(({ story }) => story.id)).not.toContain(storyId);
    expect(log).not.toHaveBeenCalled();
  });

  it("names a story the server answered with an error as unreadable, and does not say it is down", async () => {
    const storyId = await storyWithClaims();
    const failing: CollabClient = {
      ...served.collab,
      liveDocument: (id) =>
        id === storyId
          ? Promise.reject(new CollabUnavailableError("The collaboration server answered 500.", true))
          : served.collab.liveDocument(id),
    };
    const reviewer = await createUser(prisma, "reviewer");
    const log = errorLog();
    const queue = await loadReviewQueue({ prisma, collab: failing }, reviewer.id);
    expect(queue.unreachable).toBe(false);
    expect(queue.unreadable.map((story) => story.id)).toContain(storyId);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(storyId), expect.any(CollabUnavailableError));
  });
});
