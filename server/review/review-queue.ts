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
}

/**
 * Every story's live claims that need review, for the reviewer `userId`. A story whose live draft cannot be
 * fetched, read or reviewed is listed in `unreadable` (the error is logged), and the other stories' claims are
 * listed as usual. Only the stories that changed since an earlier view are read again (reviewsOf).
 * @returns null when the collaboration server answered for none of the stories it was asked for: it is
 * unreachable.
 * @throws whatever the database throws when the stories cannot be listed.
 */
export async function loadReviewQueue(
  deps: { prisma: PrismaClient; collab: CollabClient },
  userId: string,
): Promise<ReviewQueue | null> {
  const stories = await deps.prisma.story.findMany({
    orderBy: { updatedAt: "desc" },
    select: { id: true, slug: true, title: true, ...DRAFT_REF_SELECT },
  });
  let asked = 0;
  const reviews = await reviewsOf(deps.prisma, "live", stories, async (story) => {
    asked++;
    return reviewStory(deps.prisma, story.id, await deps.collab.liveDocument(story.id));
  });
  // A story the collaboration server failed to load (not a quarantined one, which has its own error) comes
  // back as CollabUnavailableError too: only when no story it was asked for got an answer is the server itself
  // down. (A story unchanged since an earlier view is not asked for.)
  const unanswered = reviews.filter(
    (review) => review.status === "rejected" && review.reason instanceof CollabUnavailableError,
  ).length;
  if (asked > 0 && unanswered === asked) return null;
  const queue: ReviewQueue = { claims: [], unreadable: [] };
  reviews.forEach((review, index) => {
    const { id, slug, title } = stories[index]!;
    const story: QueueStory = { id, slug, title };
    if (review.status === "rejected") {
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
