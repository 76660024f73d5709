import * as z from "zod";
import { can, rolesThatMay } from "../../lib/auth/policy";
import type { Role } from "../../lib/auth/roles";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { PrismaClient } from "../db/create-prisma";
import { RequestError } from "../http/request-error";
import { announceEvent } from "../notifications/announce-event";

/** Who is to review a story, as the route receives it: a person's id, or null for no one. */
export const reviewerInputSchema = z.object({ reviewerId: z.string().min(1).max(64).nullable() });
export type ReviewerInput = z.infer<typeof reviewerInputSchema>;

/**
 * The people who may review a story: everyone active whose role may approve claims (reviewers and admins), by name.
 */
export function possibleReviewers(prisma: PrismaClient): Promise<Array<{ id: string; name: string }>> {
  return prisma.user.findMany({
    where: { disabledAt: null, role: { in: rolesThatMay("approve") } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/**
 * Makes a person the story's reviewer (or no one): recorded as story.reviewer_assigned in the same transaction,
 * which tells the new reviewer; from then on a claim of the story that asks for review tells them too.
 * Editors and up may choose; the reviewer must be an active reviewer or admin.
 * @throws RequestError (403 role, 404 story, 422 a reviewer who may not review).
 */
export async function setStoryReviewer(
  prisma: PrismaClient,
  user: { id: string; role: Role },
  storyId: string,
  input: ReviewerInput,
): Promise<void> {
  if (!can(user.role, "request_review")) throw new RequestError(403, "Only editors and up choose a story's reviewer.");
  const story = await prisma.story.findUnique({ where: { id: storyId }, select: { id: true, reviewerId: true } });
  if (!story) throw new RequestError(404, "No such story.");
  if (input.reviewerId !== null) {
    const reviewer = await prisma.user.findFirst({
      where: { id: input.reviewerId, disabledAt: null, role: { in: rolesThatMay("approve") } },
      select: { id: true },
    });
    if (!reviewer) throw new RequestError(422, "Choose a reviewer or an admin of the newsroom.");
  }
  if (story.reviewerId === input.reviewerId) return;
  const [, event] = await prisma.$transaction([
    prisma.story.update({ where: { id: storyId }, data: { reviewerId: input.reviewerId } }),
    writeAuditEvent(prisma, {
      storyId,
      actorId: user.id,
      action: "story.reviewer_assigned",
      subject: storyId,
      data: { reviewerId: input.reviewerId },
    }),
  ]);
  await announceEvent(prisma, event);
}
