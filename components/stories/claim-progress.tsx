import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/claims/claim-schema";

const COLOURS: Record<ClaimStatus, string> = {
  approved: "bg-emerald-600",
  needs_review: "bg-sky-500",
  draft: "bg-amber-400",
  rejected: "bg-red-600",
};
const LABELS: Record<ClaimStatus, string> = {
  approved: "approved",
  needs_review: "need review",
  draft: "draft",
  rejected: "rejected",
};
const ORDER: ClaimStatus[] = ["approved", "needs_review", "draft", "rejected"];

/** A story's claims by status as a small stacked bar, with the counts in words. */
export function ClaimProgress({ counts }: { counts: Record<ClaimStatus, number> }) {
  const total = CLAIM_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  if (total === 0) return <p className="text-xs text-stone-500">No claims yet</p>;
  const words = ORDER.filter((status) => counts[status] > 0).map((status) => `${counts[status]} ${LABELS[status]}`);
  return (
    <div className="w-56" data-testid="claim-progress">
      <div className="flex h-2 overflow-hidden rounded-full bg-stone-200" aria-hidden="true">
        {ORDER.map((status) =>
          counts[status] > 0 ? (
            <span key={status} className={COLOURS[status]} style={{ width: `${(counts[status] / total) * 100}%` }} />
          ) : null,
        )}
      </div>
      <p className="mt-1 text-xs text-stone-600">
        {total} {total === 1 ? "claim" : "claims"}: {words.join(", ")}
      </p>
    </div>
  );
}
