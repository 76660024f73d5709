import * as z from "zod";
import { can } from "../../lib/auth/policy";
import type { Role } from "../../lib/auth/roles";
import { verdictSchema } from "../../lib/review/review-state";
import { writeAuditEvent } from "../audit/write-audit-event";
import { announceEvent } from "../notifications/announce-event";
import type { CollabClient } from "../collab/collab-client";
import type { PrismaClient } from "../db/create-prisma";
import { RequestError } from "../http/request-error";
import { reviewStory } from "./story-review";

/** A reviewer's decision on one claim, as the route receives it. */
export const decisionInputSchema = z.discriminatedUnion("decision", [
  z.object({
    decision: z.literal("approved"),
    verdict: verdictSchema,
    reason: z.string().trim().max(2_000).default(""),
    /** The hash of the claim the reviewer saw; a different live hash means it changed meanwhile. */
    claimHash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  z.object({
    decision: z.literal("rejected"),
    reason: z.string().trim().min(1, "Give a reason to reject a claim.").max(2_000),
    claimHash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
]);
export type DecisionInput = z.infer<typeof decisionInputSchema>;

/**
 * Records a reviewer's approval or rejection of a claim: checks the role, the four-eyes rule (whoever
 * marked the claim or attached its quotes cannot decide it), that the claim is what the reviewer saw, then
 * writes the decision and an audit event in one transaction, shows the status in the live document and tells
 * whoever marked the claim (server/notifications/).
 * @throws RequestError (403 role or four eyes, 404 story or claim, 409 changed or not asked for review).
 */
export async function decideClaim(
  deps: { prisma: PrismaClient; collab: CollabClient },
  user: { id: string; name: string; role: Role },
  storyId: string,
  claimId: string,
  input: DecisionInput,
): Promise<void> {
  if (!can(user.role, input.decision === "approved" ? "approve" : "reject")) {
    throw new RequestError(403, "Only reviewers and admins decide claims.");
  }
  const story = await deps.prisma.story.findUnique({ where: { id: storyId }, select: { id: true } });
  if (!story) throw new RequestError(404, "No such story.");
  const review = await reviewStory(deps.prisma, storyId, await deps.collab.liveDocument(storyId));
  const reviewed = review.claims.find((candidate) => candidate.claim.id === claimId);
  if (!reviewed) throw new RequestError(404, "No such claim.");
  if (reviewed.contributors.has(user.id)) {
    throw new RequestError(403, "You marked this claim or attached its evidence: another reviewer must decide it.");
  }
  if (reviewed.hash !== input.claimHash) {
    throw new RequestError(409, "The claim or its quotes changed while you were looking: review it again.");
  }
  if (reviewed.review.status === "draft")
    throw new RequestError(409, "The claim is a draft: an editor has not asked for review.");
  if (reviewed.span === null) throw new RequestError(409, "The claim's words were deleted from the summary.");

  const [, event] = await deps.prisma.$transaction([
    deps.prisma.claimDecision.create({
      data: {
        storyId,
        claimId,
        decision: input.decision,
        verdict: input.decision === "approved" ? input.verdict : null,
        reason: input.reason,
        claimHash: reviewed.hash,
        snapshot: JSON.stringify(reviewed.snapshot),
        decidedById: user.id,
      },
    }),
    writeAuditEvent(deps.prisma, {
      storyId,
      actorId: user.id,
      action: `claim.${input.decision}`,
      subject: claimId,
      reason: input.reason,
      data: {
        text: reviewed.span.text,
        verdict: input.decision === "approved" ? input.verdict : null,
        claimHash: reviewed.hash,
      },
    }),
    deps.prisma.story.update({ where: { id: storyId }, data: { status: "in_review" } }),
  ]);
  await announceEvent(deps.prisma, event);
  // The record above is the authority; the document only shows it to everyone live.
  await deps.collab.writeClaimStatus(storyId, claimId, input.decision);
}
