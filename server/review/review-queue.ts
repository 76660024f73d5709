import "server-only";
import { CollabUnavailableError, type CollabClient } from "../collab/collab-client";
import type { PrismaClient } from "../db/create-prisma";
import { DRAFT_REF_SELECT, reviewsOf } from "./kept-reviews";
import { reviewStory, type ReviewedClaim } from "./story-review";

/** A story as the review queue names it. */
export interface QueueStory {
  id: string;
  slug: string;
  title: string;
}

/** The review queue: the claims that need review across stories, and the stories that could not be read. */
export interface ReviewQueue {
  /** Each claim with whether the reviewer may decide it (not someone who marked or quoted it). */
  claims: Array<{ story: QueueStory; claim: ReviewedClaim; canDecide: boolean }>;
  /** Stories whose live draft could not be read or reviewed: their claims are missing from `claims`. */
  unreadable: QueueStory[];
  /**
   * Whether the collaboration server did not answer for a story that changed since it was last read: its claims
   * are missing from `claims`, and so may be those of others (no story is blamed for it).
   */
  unreachable: boolean;
}

/**
 * Every story's live claims that need review, for the reviewer `userId`. Only the stories that changed since an
 * earlier view are read again (reviewsOf). A story whose live draft cannot be fetched, read or reviewed is listed
 * in `unreadable` (the error is logged), and the other stories' claims are listed as usual; when the collaboration
 * server does not answer at all, the queue says so instead (`unreachable`) and lists what it kept.
 * @throws whatever the database throws when the stories cannot be listed.
 */
export async function loadReviewQueue(
  deps: { prisma: PrismaClient; collab: CollabClient },
  userId: string,
): Promise<ReviewQueue> {
  const stories = await deps.prisma.story.findMany({
    orderBy: { updatedAt: "desc" },
    select: { id: true, slug: true, title: true, ...DRAFT_REF_SELECT },
  });
  const reviews = await reviewsOf(deps.prisma, "live", stories, async (story) =>
    reviewStory(deps.prisma, story.id, await deps.collab.liveDocument(story.id)),
  );
  const queue: ReviewQueue = { claims: [], unreadable: [], unreachable: false };
  reviews.forEach((review, index) => {
    const { id, slug, title } = stories[index]!;
    const story: QueueStory = { id, slug, title };
    if (review.status === "rejected") {
      if (review.reason instanceof CollabUnavailableError && !review.reason.answered) {
        queue.unreachable = true;
        return;
      }
      console.error(`story ${story.id}: its live draft could not be read for the review queue`, review.reason);
      queue.unreadable.push(story);
      return;
    }
    for (const claim of review.value.claims) {
      if (claim.review.status !== "needs_review") continue;
      queue.claims.push({ story, claim, canDecide: !claim.contributors.has(userId) });
    }
  });
  return queue;
}
