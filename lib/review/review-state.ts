import * as z from "zod";
import type { ClaimStatus } from "../claims/claim-schema";
import type { ClaimSnapshot } from "./claim-hash";

/** The verdict a reviewer gives with an approval (schema.org ClaimReview's rating). */
export const VERDICTS = ["supported", "partly_supported", "unsupported"] as const;
export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

/** The wording a reader sees for a verdict. */
export const VERDICT_TEXT: Record<Verdict, string> = {
  supported: "Supported",
  partly_supported: "Partly supported",
  unsupported: "Unsupported",
};

/** A decision recorded on the server for a claim. */
export interface RecordedDecision {
  decision: "approved" | "rejected";
  verdict: Verdict | null;
  reason: string;
  claimHash: string;
  snapshot: ClaimSnapshot;
  decidedBy: { id: string; name: string };
  decidedAt: string;
}

/** A claim's status as everyone must treat it, and why. */
export interface ReviewState {
  status: ClaimStatus;
  /** The latest decision on the claim, whatever it was about. */
  decision: RecordedDecision | null;
  /** A decision exists but the claim's words or quotes changed since: it needs review again. */
  changedSinceDecision: boolean;
  /** The document says approved or rejected but no decision for this content was recorded: ignored. */
  unrecordedStatus: boolean;
}

/**
 * The effective status of a claim. The live document is writable by every editor, so it is not the
 * authority for decisions: approved and rejected count only when the latest recorded decision was made on
 * the claim's current words and quotes (same hash). A decision on other content means the claim needs
 * review again; an approval or rejection in the document with no matching record is ignored.
 */
export function reviewState(
  documentStatus: ClaimStatus,
  currentHash: string,
  latest: RecordedDecision | null,
): ReviewState {
  if (latest && latest.claimHash === currentHash) {
    return { status: latest.decision, decision: latest, changedSinceDecision: false, unrecordedStatus: false };
  }
  const decided = documentStatus === "approved" || documentStatus === "rejected";
  return {
    status: latest || decided ? "needs_review" : documentStatus,
    decision: latest,
    changedSinceDecision: latest !== null,
    unrecordedStatus: decided && latest === null,
  };
}
