import { afterAll, describe, expect, it } from "vitest";
import { claimsMap, readClaims } from "@/lib/claims/story-claims";
import { CloseCode } from "@/lib/collab/close-codes";
import { CLAIM_ASSIGNMENTS_FIELD, readClaimAssignments } from "@/lib/story-doc/claim-assignments";
import { assignClaim } from "@/server/claims/assign-claim";
import { closedBy, eventually, openAs, serveEachTest } from "../../../support/collab-harness";
import { createUser, integrationPrisma } from "../../../support/database";
import { storyWithClaim } from "../../../support/review-story";

const prisma = integrationPrisma();
const cleanups: Array<() => unknown> = [];
const served = serveEachTest(prisma, cleanups);
afterAll(() => prisma.$disconnect());

describe("a claim's assignment in the live document", () => {
  it("reaches an open workspace without a reload, and leaves it when the claim is assigned to no one", async () => {
    const maya = await createUser(prisma, "editor", "Maya");
    const rosa = await createUser(prisma, "reviewer", "Rosa");
    const { storyId } = await storyWithClaim(served, { ...maya, role: "editor" });
    const rosasTab = await openAs(served.wsUrl, { ...rosa, role: "reviewer" }, storyId, cleanups);

    await assignClaim(served, maya, storyId, "claim-1", { assigneeId: rosa.id });
    await eventually(() =>
      expect(readClaimAssignments(rosasTab.doc).get("claim-1")).toEqual({ assigneeId: rosa.id, assigneeName: "Rosa" }),
    );

    await assignClaim(served, maya, storyId, "claim-1", { assigneeId: null });
    await eventually(() => expect(readClaimAssignments(rosasTab.doc).size).toBe(0));
    expect(await prisma.claimAssignment.count({ where: { storyId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { storyId, action: "claim.assigned" } })).toBe(2);
  });
});

describe("a raw Yjs client cannot fake an assignment", () => {
  it("is closed for writing the server's assignments map, and no one sees its assignee", async () => {
    const maya = await createUser(prisma, "editor", "Maya");
    const tom = await createUser(prisma, "editor", "Tom");
    const { storyId } = await storyWithClaim(served, { ...maya, role: "editor" });
    const attacker = await openAs(served.wsUrl, { ...tom, role: "editor" }, storyId, cleanups);
    const closed = closedBy(attacker);
    attacker.doc.getMap(CLAIM_ASSIGNMENTS_FIELD).set("claim-1", { assigneeId: tom.id, assigneeName: "Tom" });
    expect(await closed).toMatchObject({ code: CloseCode.BadMessage, reason: expect.stringMatching(/server only/) });

    const live = await served.collab.liveDocument(storyId);
    expect(readClaimAssignments(live).size).toBe(0);
    expect(await prisma.claimAssignment.count({ where: { storyId } })).toBe(0);
  });

  it("is closed for deleting a recorded assignment, and the assignee stays", async () => {
    const maya = await createUser(prisma, "editor", "Maya");
    const tom = await createUser(prisma, "editor", "Tom");
    const { storyId } = await storyWithClaim(served, { ...maya, role: "editor" });
    await assignClaim(served, maya, storyId, "claim-1", { assigneeId: maya.id });
    const attacker = await openAs(served.wsUrl, { ...tom, role: "editor" }, storyId, cleanups);
    await eventually(() => expect(readClaimAssignments(attacker.doc).size).toBe(1));
    const closed = closedBy(attacker);
    attacker.doc.getMap(CLAIM_ASSIGNMENTS_FIELD).delete("claim-1");
    expect(await closed).toMatchObject({ code: CloseCode.BadMessage });

    expect(readClaimAssignments(await served.collab.liveDocument(storyId)).get("claim-1")?.assigneeId).toBe(maya.id);
  });

  it("is closed for writing an assignee into the claim itself, which has no such field", async () => {
    const maya = await createUser(prisma, "editor", "Maya");
    const tom = await createUser(prisma, "editor", "Tom");
    const { storyId } = await storyWithClaim(served, { ...maya, role: "editor" });
    const attacker = await openAs(served.wsUrl, { ...tom, role: "editor" }, storyId, cleanups);
    const closed = closedBy(attacker);
    claimsMap(attacker.doc).get("claim-1")!.set("assignee", { id: tom.id, name: "Tom" });
    expect(await closed).toMatchObject({ code: CloseCode.BadMessage });

    const live = await served.collab.liveDocument(storyId);
    expect(claimsMap(live).get("claim-1")!.has("assignee")).toBe(false);
    expect(readClaims(live)).toHaveLength(1);
  });
});
