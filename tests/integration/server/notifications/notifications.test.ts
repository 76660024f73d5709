import { afterAll, describe, expect, it } from "vitest";
import { addComment } from "@/lib/claims/story-claims";
import { mentionToken } from "@/lib/mentions/mention-tokens";
import { assignClaim } from "@/server/claims/assign-claim";
import { RequestError } from "@/server/http/request-error";
import { loadInbox, markRead, unreadCount } from "@/server/notifications/inbox";
import { loadPreferences, setPreference } from "@/server/notifications/preferences";
import { decideClaim } from "@/server/review/decide-claim";
import { publishStory } from "@/server/review/publish-story";
import { eventually, serveEachTest } from "../../../support/collab-harness";
import { createUser, integrationPrisma } from "../../../support/database";
import { approvedStory, currentHash, storyWithClaim } from "../../../support/review-story";

const prisma = integrationPrisma();
const cleanups: Array<() => unknown> = [];
const served = serveEachTest(prisma, cleanups);
afterAll(() => prisma.$disconnect());

describe("notifications", () => {
  it("tells the people a comment mentions, with the socket's user as its author whatever the comment says", async () => {
    const maya = await createUser(prisma, "editor", "Maya");
    const rosa = await createUser(prisma, "reviewer", "Rosa");
    const tom = await createUser(prisma, "editor", "Tom");
    const { storyId, provider } = await storyWithClaim(served, { ...maya, role: "editor" });
    addComment(provider.doc, "claim-1", {
      id: "k1",
      // A forged author and mentions of Rosa, of Maya herself and of nobody: only Rosa is told, by Maya.
      body: `${mentionToken(rosa.id)} ${mentionToken(maya.id)} ${mentionToken("nobody")} can you check the date?`,
      author: { id: tom.id, name: "Tom" },
      createdAt: new Date().toISOString(),
    });
    await eventually(async () => expect(await unreadCount(prisma, rosa.id)).toBe(1));
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { storyId, action: "claim.commented" } });
    expect(event).toMatchObject({
      actorId: maya.id,
      subject: "claim-1",
      data: JSON.stringify({ commentId: "k1", mentioned: [rosa.id, maya.id] }),
    });
    expect(await unreadCount(prisma, maya.id)).toBe(0);
    expect(await unreadCount(prisma, tom.id)).toBe(0);
    const [group] = await loadInbox(prisma, rosa.id);
    expect(group?.story?.id).toBe(storyId);
    expect(group?.items).toEqual([
      expect.objectContaining({
        kind: "mentioned",
        actorName: "Maya",
        text: "mentioned you in a claim's thread",
        claimId: "claim-1",
        href: `/stories/${group?.story?.slug}/edit?claim=claim-1`,
        read: false,
      }),
    ]);
  });

  it("tells whoever marked a claim that it was rejected, with the reason; the reviewer is not told", async () => {
    const maya = await createUser(prisma, "editor", "Maya");
    const rosa = await createUser(prisma, "reviewer", "Rosa");
    const { storyId } = await storyWithClaim(served, { ...maya, role: "editor" });
    await decideClaim(served, rosa, storyId, "claim-1", {
      decision: "rejected",
      reason: "The videos came out on Thursday, not Wednesday.",
      claimHash: await currentHash(served, storyId),
    });
    expect(await unreadCount(prisma, rosa.id)).toBe(0);
    const [group] = await loadInbox(prisma, maya.id);
    expect(group?.items).toEqual([
      expect.objectContaining({
        kind: "claim_decided",
        actorName: "Rosa",
        text: "rejected your claim",
        reason: "The videos came out on Thursday, not Wednesday.",
        claimText: expect.stringContaining("CIA"),
      }),
    ]);
  });

  it("marks read only the person's own notifications", async () => {
    const maya = await createUser(prisma, "editor", "Maya");
    const rosa = await createUser(prisma, "reviewer", "Rosa");
    const { storyId } = await storyWithClaim(served, { ...maya, role: "editor" });
    await decideClaim(served, rosa, storyId, "claim-1", {
      decision: "rejected",
      reason: "One video only.",
      claimHash: await currentHash(served, storyId),
    });
    const [notification] = await prisma.notification.findMany({ where: { recipientId: maya.id } });
    expect(await markRead(prisma, rosa.id, { ids: [notification!.id] })).toBe(0);
    expect(await unreadCount(prisma, maya.id)).toBe(1);
    expect(await markRead(prisma, maya.id, { all: true })).toBe(1);
    expect(await unreadCount(prisma, maya.id)).toBe(0);
  });

  it("tells the assignee of a claim, and refuses an assignee outside the newsroom", async () => {
    const maya = await createUser(prisma, "editor", "Maya");
    const tom = await createUser(prisma, "editor", "Tom");
    const { storyId } = await storyWithClaim(served, { ...maya, role: "editor" });
    await assignClaim(served, maya, storyId, "claim-1", { assigneeId: tom.id });
    expect(await prisma.claimAssignment.findMany({ where: { storyId }, select: { assigneeId: true } })).toEqual([
      { assigneeId: tom.id },
    ]);
    expect((await loadInbox(prisma, tom.id))[0]?.items[0]).toMatchObject({
      kind: "assigned",
      text: "assigned a claim to you",
    });
    await expect(assignClaim(served, maya, storyId, "claim-1", { assigneeId: "nobody" })).rejects.toThrow(RequestError);
    await expect(assignClaim(served, maya, storyId, "claim-9", { assigneeId: tom.id })).rejects.toThrow(
      "No such claim.",
    );
  });

  it("follows each person's choices: nothing when both are off, a read row when only e-mail is on", async () => {
    const maya = await createUser(prisma, "editor", "Maya");
    const tom = await createUser(prisma, "editor", "Tom");
    const ines = await createUser(prisma, "editor", "Inès");
    await setPreference(prisma, tom.id, "assigned", { inApp: false, email: false });
    await setPreference(prisma, ines.id, "assigned", { inApp: false });
    expect(await loadPreferences(prisma, ines.id)).toEqual([
      { kind: "mentioned", inApp: true, email: true },
      { kind: "claim_decided", inApp: true, email: true },
      { kind: "assigned", inApp: false, email: true },
      { kind: "review_requested", inApp: true, email: true },
      { kind: "story_published", inApp: true, email: true },
      { kind: "quote_needs_attention", inApp: true, email: true },
    ]);
    const { storyId } = await storyWithClaim(served, { ...maya, role: "editor" });
    await assignClaim(served, maya, storyId, "claim-1", { assigneeId: tom.id });
    await assignClaim(served, maya, storyId, "claim-1", { assigneeId: ines.id });
    expect(await prisma.notification.count({ where: { recipientId: tom.id } })).toBe(0);
    expect(await prisma.notification.findMany({ where: { recipientId: ines.id }, select: { readAt: true } })).toEqual([
      { readAt: expect.any(Date) },
    ]);
  });

  it("tells everyone who worked on a story that it was published, but not the publisher", async () => {
    const { storyId, editor, reviewer } = await approvedStory(served);
    await publishStory(served, reviewer, storyId, {});
    expect((await loadInbox(prisma, editor.id))[0]?.items.map((item) => item.text)).toEqual([
      "published version 1",
      "approved your claim (Supported)",
    ]);
    expect((await loadInbox(prisma, reviewer.id)).length).toBe(0);
  });
});
