import { afterAll, describe, expect, it } from "vitest";
import type { CollabClient } from "@/server/collab/collab-client";
import { RequestError } from "@/server/http/request-error";
import { publishStory } from "@/server/review/publish-story";
import { loadWorkspaceReview } from "@/server/review/workspace-review";
import { serveEachTest } from "../../collab-harness";
import { createUser, integrationPrisma } from "../../database";
import { approvedStory, storyWithClaim } from "./review-fixtures";

const prisma = integrationPrisma();
const cleanups: Array<() => unknown> = [];
let collab: CollabClient;
let wsUrl: string;
serveEachTest(prisma, cleanups, (started) => {
  wsUrl = started.url;
  collab = started.collab;
});
const served = () => ({ prisma, collab, wsUrl, cleanups });
afterAll(() => prisma.$disconnect());

describe("loadWorkspaceReview", () => {
  it("tells each person which claims they may decide and whether they may publish, with what blocks it", async () => {
    // A reviewer marks the claim (everything an editor can do): the four-eyes rule keeps it from them.
    const marker = await createUser(prisma, "reviewer");
    const other = await createUser(prisma, "reviewer");
    const editor = await createUser(prisma, "editor");
    const { storyId } = await storyWithClaim(served(), { ...marker, role: "editor" });

    const forOther = await loadWorkspaceReview({ prisma, collab }, other, storyId);
    expect(forOther).toMatchObject({
      claims: [{ id: "claim-1", status: "needs_review", canDecide: true, decision: null }],
      latestVersion: null,
      canPublish: true,
    });
    expect(forOther.claims[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(forOther.blockers).toEqual([expect.objectContaining({ kind: "claim_not_approved", claimId: "claim-1" })]);
    expect(forOther.blockers[0]?.message).toEqual(expect.any(String));

    expect(await loadWorkspaceReview({ prisma, collab }, marker, storyId)).toMatchObject({
      claims: [{ id: "claim-1", canDecide: false }],
      canPublish: true,
    });
    expect(await loadWorkspaceReview({ prisma, collab }, editor, storyId)).toMatchObject({
      claims: [{ id: "claim-1", canDecide: false }],
      canPublish: false,
    });
  });

  it("names the latest published version", async () => {
    const { storyId, reviewer } = await approvedStory(served());
    await publishStory({ prisma, collab }, reviewer, storyId, {});
    expect(await loadWorkspaceReview({ prisma, collab }, reviewer, storyId)).toMatchObject({
      claims: [{ id: "claim-1", status: "approved" }],
      blockers: [],
      latestVersion: 1,
    });
  });

  it("answers 404 for a story that does not exist", async () => {
    const reviewer = await createUser(prisma, "reviewer");
    const refused = await loadWorkspaceReview({ prisma, collab }, reviewer, "no-such-story").catch((error) => error);
    expect(refused).toBeInstanceOf(RequestError);
    expect(refused).toMatchObject({ status: 404, message: "No such story." });
  });
});
