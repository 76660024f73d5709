import * as z from "zod";
import { can } from "../../lib/auth/policy";
import type { Role } from "../../lib/auth/roles";
import { readClaims } from "../../lib/claims/story-claims";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { CollabClient } from "../collab/collab-client";
import type { PrismaClient } from "../db/create-prisma";
import { RequestError } from "../http/request-error";
import { announceEvent } from "../notifications/announce-event";

/** Whom to assign a claim to, as the route receives it: a person's id, or null for no one. */
export const assignmentInputSchema = z.object({ assigneeId: z.string().min(1).max(64).nullable() });
export type AssignmentInput = z.infer<typeof assignmentInputSchema>;

/**
 * Assigns a claim of the live draft to a person of the newsroom (or to no one), records it in the audit log
 * (claim.assigned) in the same transaction, tells the assignee, and writes the assignee into the live document's
 * server-written `assignments` map so that every open workspace shows it.
 * @throws RequestError (403 role, 404 story or claim, 422 an assignee who is not an active member of the newsroom).
 */
export async function assignClaim(
  deps: { prisma: PrismaClient; collab: CollabClient },
  user: { id: string; role: Role },
  storyId: string,
  claimId: string,
  input: AssignmentInput,
): Promise<void> {
  if (!can(user.role, "mark_claim")) throw new RequestError(403, "Only editors, reviewers and admins assign claims.");
  const story = await deps.prisma.story.findUnique({ where: { id: storyId }, select: { id: true } });
  if (!story) throw new RequestError(404, "No such story.");
  const claims = readClaims(await deps.collab.liveDocument(storyId));
  if (!claims.some((claim) => claim.id === claimId)) throw new RequestError(404, "No such claim.");
  const assignee =
    input.assigneeId === null
      ? null
      : await deps.prisma.user.findFirst({
          where: { id: input.assigneeId, disabledAt: null },
          select: { id: true, name: true },
        });
  if (input.assigneeId !== null && !assignee)
    throw new RequestError(422, "Assign the claim to someone in the newsroom.");
  const where = { storyId_claimId: { storyId, claimId } };
  const [, event] = await deps.prisma.$transaction([
    input.assigneeId === null
      ? deps.prisma.claimAssignment.deleteMany({ where: { storyId, claimId } })
      : deps.prisma.claimAssignment.upsert({
          where,
          create: { storyId, claimId, assigneeId: input.assigneeId, assignedById: user.id },
          update: { assigneeId: input.assigneeId, assignedById: user.id, assignedAt: new Date() },
        }),
    writeAuditEvent(deps.prisma, {
      storyId,
      actorId: user.id,
      action: "claim.assigned",
      subject: claimId,
      data: { assigneeId: input.assigneeId },
    }),
  ]);
  await announceEvent(deps.prisma, event);
  // The record above is the authority; the document only shows it to everyone live, as a decision's status.
  await deps.collab.writeClaimAssignment(storyId, claimId, assignee);
}
