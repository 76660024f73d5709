import type { ClaimStatus } from "@/lib/claims/claim-schema";

const STYLES: Record<ClaimStatus, { label: string; className: string }> = {
  draft: { label: "Draft", className: "bg-amber-100 text-amber-900" },
  needs_review: { label: "Needs review", className: "bg-sky-100 text-sky-900" },
  approved: { label: "Approved", className: "bg-emerald-100 text-emerald-900" },
  rejected: { label: "Rejected", className: "bg-red-100 text-red-900" },
};

/** A claim's status as a small coloured label. */
export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const style = STYLES[status];
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${style.className}`} data-testid="claim-status">
      {style.label}
    </span>
  );
}
