import { afterAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { setClaimStatusAsEditor } from "@/lib/claims/story-claims";
import { CollabUnavailableError, type CollabClient } from "@/server/collab/collab-client";
import { decideClaim } from "@/server/review/decide-claim";
import { loadReviewQueue } from "@/server/review/review-queue";
import { removeSource } from "@/server/sources/import-sources";
import { loadNewsroomHome } from "@/server/stories/queries";
import { eventually, serveEachTest } from "../../../support/collab-harness";
import { createUser, INTEGRATION_PROVIDER, integrationPrisma } from "../../../support/database";
import { ARTICLE_004, currentHash, EVIDENCE, storyWithClaim } from "../../../support/review-story";

const prisma = integrationPrisma();
const cleanups: Array<() => unknown> = [];
const served = serveEachTest(prisma, cleanups);
afterAll(() => prisma.$disconnect());

/** The test's collaboration client, counting its reads of `storyId`'s live document. */
function countingReads(storyId: string): { collab: CollabClient; reads: () => number } {
  let reads = 0;
  const collab: CollabClient = {
    ...served.collab,
    liveDocument(id) {
      if (id === storyId) reads++;
      return served.collab.liveDocument(id);
    },
  };
  return { collab, reads: () => reads };
}

/**
 * A story with an editor's claim in review (review-story.ts), the editor's open workspace, and a reviewer. It
 * returns once the room has folded its log into the stored state (50 ms after the last edit in these tests), so
 * that nothing changes the draft behind a test's back.
 */
async function storyInReview() {
  const editor = await createUser(prisma, "editor");
  const reviewer = await createUser(prisma, "reviewer");
  const { storyId, provider } = await storyWithClaim(served, { ...editor, role: "editor" });
  await eventually(async () => expect(await prisma.storyUpdate.count({ where: { storyId } })).toBe(0));
  return { storyId, provider, reviewer: { ...reviewer, role: "reviewer" as const } };
}

describe("the review queue keeps each story's review while nothing it reads changes", () => {
  it("reads a live draft again only after an edit, and shows the edit", async () => {
    const { storyId, provider, reviewer } = await storyInReview();
    const { collab, reads } = countingReads(storyId);
    const queue = async () =>
      (await loadReviewQueue({ prisma, collab }, reviewer.id)).claims.filter(({ story }) => story.id === storyId);

    expect((await queue())?.map(({ claim }) => claim.claim.id)).toEqual(["claim-1"]);
    expect(reads()).toBe(1);
    expect((await queue())?.map(({ claim }) => claim.claim.id)).toEqual(["claim-1"]);
    expect(reads()).toBe(1);

    setClaimStatusAsEditor(provider.doc, "claim-1", "draft");
    await eventually(async () => expect(await queue()).toEqual([]));
    expect(reads()).toBeGreaterThan(1);
  });

  it("takes a claim off once it is decided", async () => {
    const { storyId, reviewer } = await storyInReview();
    const queued = async () =>
      (await loadReviewQueue(served, reviewer.id)).claims.some(({ story }) => story.id === storyId);
    expect(await queued()).toBe(true);
    // Recorded while the live draft could not be told (decide-claim.ts writes the status there after the
    // decision): the decision alone takes the claim off.
    const untold: CollabClient = { ...served.collab, writeClaimStatus: async () => {} };
    await decideClaim({ prisma, collab: untold }, reviewer, storyId, "claim-1", {
      decision: "approved",
      verdict: "supported",
      reason: "",
      claimHash: await currentHash(served, storyId),
    });
    expect(await prisma.storyUpdate.count({ where: { storyId } })).toBe(0);
    expect(await queued()).toBe(false);
  });

  it("shows a source's new text: a quote it no longer holds does not verify", async () => {
    const { storyId, reviewer } = await storyInReview();
    const quoteOf = async () =>
      (await loadReviewQueue(served, reviewer.id)).claims.find(({ story }) => story.id === storyId)?.claim.quotes[0];
    expect((await quoteOf())?.verification.verified).toBe(true);
    // A correction written while the collaboration server could not re-anchor the quotes (correct-source.ts).
    await prisma.source.updateMany({
      where: { storyId },
      data: { text: ARTICLE_004.replace(EVIDENCE, "The CIA said nothing on Thursday."), revision: 2 },
    });
    expect((await quoteOf())?.verification.verified).toBe(false);
  });

  it("sees a correction that a removal and an import leave the sources' counts and revisions as they were", async () => {
    const { storyId, reviewer } = await storyInReview();
    const quoteOf = async () =>
      (await loadReviewQueue(served, reviewer.id)).claims.find(({ story }) => story.id === storyId)?.claim.quotes[0];
    const mistaken = await prisma.source.create({
      data: { storyId, outlet: "Mistake", text: "Not this one.", contentHash: "mistake", revision: 2 },
    });
    expect((await quoteOf())?.verification.verified).toBe(true);
    // One source less (revision 2, anchored 1), one more (1, 1), and the quoted one corrected without being
    // re-anchored (2, 1): as many sources as before, and the same sums of revisions.
    await removeSource(served, reviewer, storyId, mistaken.id);
    await prisma.source.create({ data: { storyId, outlet: "Other", text: "Another text.", contentHash: "other" } });
    await prisma.source.updateMany({
      where: { storyId, outlet: "NBC News" },
      data: { text: ARTICLE_004.replace(EVIDENCE, "The CIA said nothing on Thursday."), revision: 2 },
    });
    expect((await quoteOf())?.verification.verified).toBe(false);
  });

  it("lets nobody decide a claim they have touched since the last view", async () => {
    const { storyId, reviewer } = await storyInReview();
    const canDecide = async () =>
      (await loadReviewQueue(served, reviewer.id)).claims.find(({ story }) => story.id === storyId)?.canDecide;
    expect(await canDecide()).toBe(true);
    await prisma.claimActivity.create({ data: { storyId, claimId: "claim-1", userId: reviewer.id, kind: "edited" } });
    expect(await canDecide()).toBe(false);
  });
});

describe("the review queue with the collaboration server down", () => {
  it("lists the claims it kept and says that the stories changed since cannot be read", async () => {
    const { storyId, reviewer } = await storyInReview();
    const unreachable = new CollabUnavailableError("The collaboration server is not reachable (ECONNREFUSED).");
    const down: CollabClient = { ...served.collab, liveDocument: () => Promise.reject(unreachable) };
    const ours = async (collab: CollabClient) => {
      const queue = await loadReviewQueue({ prisma, collab }, reviewer.id);
      const claims = queue.claims.filter(({ story }) => story.id === storyId).map(({ claim }) => claim.claim.id);
      return { claims, unreachable: queue.unreachable, unreadable: queue.unreadable.some(({ id }) => id === storyId) };
    };
    expect(await ours(served.collab)).toEqual({ claims: ["claim-1"], unreachable: false, unreadable: false });
    // Other stories of the shared database may have changed; this one has not, and is listed as it was.
    expect((await ours(down)).claims).toEqual(["claim-1"]);

    await prisma.claimActivity.create({ data: { storyId, claimId: "claim-1", userId: reviewer.id, kind: "edited" } });
    expect(await ours(down)).toEqual({ claims: [], unreachable: true, unreadable: false });
    expect(await ours(served.collab)).toEqual({ claims: ["claim-1"], unreachable: false, unreadable: false });
  });
});

describe("the newsroom's home keeps each story's review while nothing it reads changes", () => {
  it("reads a stored draft again only once its log or compacted state changed", async () => {
    const { storyId, reviewer } = await storyInReview();
    const listed = async () =>
      (await loadNewsroomHome(prisma, INTEGRATION_PROVIDER, reviewer)).stories.find((story) => story.id === storyId);
    expect(await listed()).toMatchObject({ unreadable: false, claimsByStatus: { needs_review: 1 } });

    // The bytes change under an unchanged version, as nothing but a broken database does: a home that read every
    // draft on every view would find this one unreadable now.
    const { state } = await prisma.storyDocument.findUniqueOrThrow({ where: { storyId } });
    await prisma.storyDocument.update({ where: { storyId }, data: { state: Uint8Array.from(state.subarray(0, 8)) } });
    expect(await listed()).toMatchObject({ unreadable: false, claimsByStatus: { needs_review: 1 } });

    // A row in the log (an edit; this one changes nothing): the home reads the draft again, as the database has it.
    await prisma.storyUpdate.create({ data: { storyId, update: Uint8Array.from(Y.encodeStateAsUpdate(new Y.Doc())) } });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await listed()).toMatchObject({ unreadable: true, claimsByStatus: null });
      expect(errors).toHaveBeenCalledWith(expect.stringContaining(storyId), expect.any(Error));
    } finally {
      errors.mockRestore();
    }
  });
});
