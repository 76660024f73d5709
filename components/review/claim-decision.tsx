"use client";

import { useState, type FormEvent } from "react";
import { ErrorText } from "@/components/ui/error-text";
import { VERDICT_TEXT, VERDICTS, type Verdict } from "@/lib/review/review-state";
import type { ClaimReview } from "./use-story-review";

/** A claim's recorded decision, what changed since, and, for a reviewer who may decide it, approve and reject. */
export function ClaimDecision({
  storyId,
  claimId,
  review,
  onDecided,
}: {
  storyId: string;
  claimId: string;
  review: ClaimReview | undefined;
  onDecided: () => Promise<void>;
}) {
  const [verdict, setVerdict] = useState<Verdict>("supported");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!review) return null;
  const { decision } = review;

  async function decide(kind: "approved" | "rejected") {
    setPending(true);
    setError(null);
    const response = await fetch(
      `/api/stories/${encodeURIComponent(storyId)}/claims/${encodeURIComponent(claimId)}/decision`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(
          kind === "approved"
            ? { decision: kind, verdict, reason, claimHash: review?.hash }
            : { decision: kind, reason, claimHash: review?.hash },
        ),
      },
    );
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    setPending(false);
    if (!response.ok) {
      setError(body.error ?? `The decision was not recorded (HTTP ${response.status}).`);
      return;
    }
    setReason("");
    await onDecided();
  }

  return (
    <div className="space-y-2 text-sm" data-testid="claim-decision">
      {review.unrecordedStatus ? (
        <p className="rounded bg-red-50 px-2 py-1 text-red-900">
          The document marks this claim decided, but no decision was recorded: it needs review.
        </p>
      ) : null}
      {decision && !review.changedSinceDecision ? (
        <p className="text-stone-700" data-testid="decision-summary">
          {decision.decision === "approved" ? "Approved" : "Rejected"} by {decision.decidedBy.name}
          {decision.verdict ? ` · ${VERDICT_TEXT[decision.verdict]}` : ""}
          {decision.reason ? ` · “${decision.reason}”` : ""}
        </p>
      ) : null}
      {decision && review.changedSinceDecision ? (
        <div className="rounded bg-amber-50 px-2 py-1 text-amber-900" data-testid="changed-since-decision">
          Changed since {decision.decision === "approved" ? "approved" : "rejected"} by {decision.decidedBy.name}. Then:
          <span className="block font-serif">“{decision.snapshot.text ?? "(detached)"}”</span>
          <span className="block text-xs">with {decision.snapshot.quotes.length} quote(s)</span>
        </div>
      ) : null}
      {review.canDecide && review.status !== "draft" ? (
        <form
          onSubmit={(event: FormEvent<HTMLFormElement>) => event.preventDefault()}
          className="space-y-2 rounded border border-stone-200 p-2"
          aria-label="Review this claim"
        >
          <div className="flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-1">
              Verdict
              <select
                value={verdict}
                onChange={(event) => setVerdict(event.target.value as Verdict)}
                className="rounded border border-stone-300 px-1 py-0.5"
              >
                {VERDICTS.map((value) => (
                  <option key={value} value={value}>
                    {VERDICT_TEXT[value]}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={pending}
              onClick={() => void decide("approved")}
              className="rounded bg-emerald-700 px-2.5 py-1 font-medium text-white hover:bg-emerald-800 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
            >
              Approve
            </button>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <label className="sr-only" htmlFor={`reason-${claimId}`}>
              Reason
            </label>
            <input
              id={`reason-${claimId}`}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              placeholder="Reason (required to reject)"
              maxLength={2_000}
              className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1"
            />
            <button
              type="button"
              disabled={pending || reason.trim().length === 0}
              onClick={() => void decide("rejected")}
              className="rounded border border-red-700 px-2.5 py-1 font-medium text-red-800 hover:bg-red-50 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-blue-600"
            >
              Reject
            </button>
          </div>
          {error ? <ErrorText>{error}</ErrorText> : null}
        </form>
      ) : null}
      {!review.canDecide && review.status === "needs_review" ? (
        <p className="text-xs text-stone-500">A reviewer who did not mark or evidence this claim decides it.</p>
      ) : null}
    </div>
  );
}
