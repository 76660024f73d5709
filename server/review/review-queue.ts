import "server-only";
import type { CollabClient } from "../collab/collab-client";
import { CollabUnavailableError } from "../collab/collab-client";
import type { PrismaClient } from "../db/create-prisma";
import { reviewStory } from "./story-review";

/**
 * Every story's live claims that need review, each with whether `userId` may decide it (not someone who marked
 * or quoted it); null when the collaboration server is unreachable.
 */
export async function loadReviewQueue(deps: { prisma: PrismaClient; collab: CollabClient }, userId: string) {
  const stories = await deps.prisma.story.findMany({ orderBy: { updatedAt: "desc" }, select: { id: true, slug: true, title: true } });
  try {
    const reviews = await Promise.all(
      stories.map(async (story) => ({ story, review: await reviewStory(deps.prisma, story.id, await deps.collab.liveDocument(story.id)) })),
    );
    return reviews.flatMap(({ story, review }) =>
      review.claims
        .filter((claim) => claim.review.status === "needs_review")
        .map((claim) => ({ story, claim, canDecide: !claim.contributors.has(userId) })),
    );
  } catch (error) {
    if (error instanceof CollabUnavailableError) return null;
    throw error;
  }
}
