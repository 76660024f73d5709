import "server-only";
import * as Y from "yjs";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/claims/claim-schema";
import type { PrismaClient } from "../db/create-prisma";
import { prisma } from "../db/prisma";
import { reviewStory } from "../review/story-review";

/**
 * The stories of the newsroom, newest activity first, with their number of sources, their claims counted
 * by effective status (from the stored draft and the recorded decisions) and their latest version. A story
 * whose stored draft cannot be read or reviewed is listed with `unreadable: true` and no counts (the error is
 * logged), so that one broken story never hides the others.
 * @throws whatever the database throws when the stories cannot be listed.
 */
export async function listStories(db: PrismaClient = prisma()) {
  const stories = await db.story.findMany({
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      updatedAt: true,
      document: { select: { state: true } },
      // The edits not yet folded into the compacted state (server/collab/persistence.ts). Read apart from it,
      // so a compaction in between may leave a count a moment behind; this list never writes the draft back.
      updates: { select: { update: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, publishedAt: true } },
      _count: { select: { sources: true } },
    },
  });
  return Promise.all(
    stories.map(async ({ document, updates, versions, ...story }) => {
      const latestVersion = versions[0] ?? null;
      try {
        const doc = new Y.Doc();
        Y.transact(doc, () => {
          if (document) Y.applyUpdate(doc, document.state);
          for (const { update } of updates) Y.applyUpdate(doc, update);
        });
        const review = await reviewStory(db, story.id, doc);
        const claimsByStatus = Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<
          ClaimStatus,
          number
        >;
        for (const claim of review.claims) claimsByStatus[claim.review.status] += 1;
        return { ...story, unreadable: false as const, claimsByStatus, latestVersion };
      } catch (error) {
        console.error(`story ${story.id}: its stored draft could not be read`, error);
        return { ...story, unreadable: true as const, claimsByStatus: null, latestVersion };
      }
    }),
  );
}

/**
 * A story with its sources in their order, each with the history of its text (revision numbers, notes, who
 * and when; not the old texts), or null when no story has that slug.
 */
export function findStoryWithSources(slug: string) {
  return prisma().story.findUnique({
    where: { slug },
    include: {
      sources: {
        orderBy: { position: "asc" },
        include: {
          revisions: {
            orderBy: { number: "desc" },
            select: { number: true, note: true, createdAt: true, createdBy: { select: { name: true } } },
          },
        },
      },
    },
  });
}

/** Whether a story exists. */
export async function storyExists(id: string): Promise<boolean> {
  return (await prisma().story.count({ where: { id } })) > 0;
}
