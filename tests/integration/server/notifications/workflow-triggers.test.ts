import { afterAll, describe, expect, it } from "vitest";
import { readClaims, setClaimStatusAsEditor } from "@/lib/claims/story-claims";
import { loadInbox, unreadCount } from "@/server/notifications/inbox";
import { correctSource, reanchorSource } from "@/server/sources/correct-source";
import { setStoryReviewer } from "@/server/stories/story-reviewer";
import { eventually, serveEachTest } from "../../../support/collab-harness";
import { createUser, integrationPrisma } from "../../../support/database";
import { ARTICLE_004, EVIDENCE, storyWithClaim } from "../../../support/review-story";

const prisma = integrationPrisma();
const cleanups: Array<() => unknown> = [];
const served = serveEachTest(prisma, cleanups);
afterAll(() => prisma.$disconnect());

describe("review requested on a story I review", () => {
  it("tells the story's reviewer when they are chosen and when a claim asks for review, not when it goes back", async () => {
    const maya = await createUser(prisma, "editor", "Maya");
    const rosa = await createUser(prisma, "reviewer", "Rosa");
    const tom = await createUser(prisma, "editor", "Tom");
    const { storyId, provider } = await storyWithClaim(served, { ...maya, role: "editor" });

    await expect(setStoryReviewer(prisma, maya, storyId, { reviewerId: tom.id })).rejects.toThrow(
      "Choose a reviewer or an admin",
    );
    await setStoryReviewer(prisma, maya, storyId, { reviewerId: rosa.id });
    expect((await prisma.story.findUniqueOrThrow({ where: { id: storyId } })).reviewerId).toBe(rosa.id);
    expect((await loadInbox(prisma, rosa.id))[0]?.items[0]).toMatchObject({
      kind: "assigned",
      text: "made you the reviewer of a story",
    });

    setClaimStatusAsEditor(provider.doc, "claim-1", "draft");
    await eventually(async () =>
      expect(
        await prisma.auditEvent.count({
          where: { storyId, action: "claim.status_changed", data: { contains: '"to":"draft"' } },
        }),
      ).toBe(1),
    );
    expect(await prisma.notification.count({ where: { recipientId: rosa.id, kind: "review_requested" } })).toBe(0);

    setClaimStatusAsEditor(provider.doc, "claim-1", "needs_review");
    await eventually(async () =>
      expect(await prisma.notification.count({ where: { recipientId: rosa.id, kind: "review_requested" } })).toBe(1),
    );
    const items = (await loadInbox(prisma, rosa.id))[0]?.items ?? [];
    expect(items.find((item) => item.kind === "review_requested")).toMatchObject({
      actorName: "Maya",
      text: "asked for review of a claim",
      claimId: "claim-1",
    });
    // Maya asked; she is not told of her own request, and Tom reviews nothing.
    expect(await unreadCount(prisma, maya.id)).toBe(0);
    expect(await unreadCount(prisma, tom.id)).toBe(0);
  });
});

describe("a quote of mine after a source correction", () => {
  it("tells whoever attached a quote the correction lost, once, with one click to its claim", async () => {
    const maya = await createUser(prisma, "editor", "Maya");
    const tom = await createUser(prisma, "editor", "Tom");
    const { storyId } = await storyWithClaim(served, { ...maya, role: "editor" });
    const source = await prisma.source.findFirstOrThrow({ where: { storyId } });

    const result = await correctSource(served, tom, storyId, source.id, {
      text: ARTICLE_004.replace(EVIDENCE, "The agency declined to comment on the matter."),
      note: "The outlet withdrew the paragraph.",
      basedOn: 1,
    });
    expect((result.outcome?.orphaned ?? 0) + (result.outcome?.reverify ?? 0)).toBe(1);
    const quote = readClaims(await served.collab.liveDocument(storyId))[0]?.quotes[0];
    expect(quote?.correction?.state).toMatch(/^(orphaned|reverify)$/);

    const [group] = await loadInbox(prisma, maya.id);
    expect(group?.items).toEqual([
      expect.objectContaining({
        kind: "quote_needs_attention",
        actorName: "Tom",
        text: expect.stringMatching(/^corrected a source: /) as unknown as string,
        claimId: "claim-1",
        href: `/stories/${group?.story?.slug}/edit?claim=claim-1`,
      }),
    ]);
    expect(await unreadCount(prisma, tom.id)).toBe(0);

    // Re-anchoring again (a workspace that finds the quotes behind) tells no one twice.
    await reanchorSource(served, tom, storyId, source.id);
    expect(await prisma.auditEvent.count({ where: { storyId, action: "quote.needs_attention" } })).toBe(1);
    expect(await unreadCount(prisma, maya.id)).toBe(1);
  });
});
