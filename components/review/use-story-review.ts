"use client";

import { useCallback, useEffect, useState } from "react";
import type * as Y from "yjs";
import type { ClaimStatus } from "@/lib/claims/claim-schema";
import type { RecordedDecision } from "@/lib/review/review-state";

/** A claim's review as the server computes it from recorded decisions. */
export interface ClaimReview {
  id: string;
  hash: string;
  status: ClaimStatus;
  decision: RecordedDecision | null;
  changedSinceDecision: boolean;
  unrecordedStatus: boolean;
  canDecide: boolean;
}

export interface StoryReviewView {
  claims: Map<string, ClaimReview>;
  blockers: Array<{ kind: string; message: string }>;
  latestVersion: number | null;
  canPublish: boolean;
}

/**
 * The server's review of a story (effective statuses, blockers), fetched on open and again shortly after
 * the live document changes, since any edit may change a claim's hash.
 */
export function useStoryReview(
  storyId: string,
  doc: Y.Doc | null,
): {
  review: StoryReviewView | null;
  error: string | null;
  refresh: () => Promise<void>;
} {
  const [review, setReview] = useState<StoryReviewView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const response = await fetch(`/api/stories/${encodeURIComponent(storyId)}/review`, { cache: "no-store" });
    const body = (await response.json().catch(() => ({}))) as Partial<Omit<StoryReviewView, "claims">> & {
      claims?: ClaimReview[];
      error?: string;
    };
    if (!response.ok || !body.claims) {
      setError(body.error ?? `The review could not be loaded (HTTP ${response.status}).`);
      return;
    }
    setError(null);
    setReview({
      claims: new Map(body.claims.map((claim) => [claim.id, claim])),
      blockers: body.blockers ?? [],
      latestVersion: body.latestVersion ?? null,
      canPublish: body.canPublish ?? false,
    });
  }, [storyId]);

  useEffect(() => {
    if (!doc) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      // The collaboration server has the edit by the time it is stored locally plus a round trip.
      timer = setTimeout(() => void refresh().catch(() => undefined), 400);
    };
    schedule();
    doc.on("update", schedule);
    return () => {
      clearTimeout(timer);
      doc.off("update", schedule);
    };
  }, [doc, refresh]);

  return { review, error, refresh };
}
