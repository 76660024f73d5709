"use client";

import { useRouter } from "next/navigation";
import { ClaimDecision } from "./claim-decision";
import type { ClaimReview } from "./use-story-review";

/** The approve/reject controls of a claim in the review queue; the queue reloads after a decision. */
export function QueueDecision({ storyId, review }: { storyId: string; review: ClaimReview }) {
  const router = useRouter();
  return (
    <ClaimDecision storyId={storyId} claimId={review.id} review={review} onDecided={async () => router.refresh()} />
  );
}
