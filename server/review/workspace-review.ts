import { can } from "../../lib/auth/policy";
import type { Role } from "../../lib/auth/roles";
import { describeBlocker, type PublishBlocker } from "../../lib/review/publish-readiness";
import type { ReviewState } from "../../lib/review/review-state";
import type { CollabClient } from "../collab/collab-client";
import type { PrismaClient } from "../db/create-prisma";
import { RequestError } from "../http/request-error";
import { reviewStory } from "./story-review";

/** The review of a story's live draft as the workspace shows it to one person. */
export interface WorkspaceReview {
  /** Each claim's effective status, hash and latest decision, and whether this person may decide it. */
  claims: Array<{ id: string; hash: string; canDecide: boolean } & ReviewState>;
  /** What blocks publishing, each with the sentence the workspace shows. */
  blockers: Array<PublishBlocker & { message: string }>;
  /** The number of the latest published version, or null. */
  latestVersion: number | null;
  canPublish: boolean;
}

/**
 * The review of a story's live draft for `user`'s workspace: a claim is theirs to decide when their role may
 * approve and they did not mark it or attach its evidence (the four-eyes rule).
 * @throws RequestError 404 for an unknown story; CollabUnavailableError or StoryQuarantinedError when the live
 * draft cannot be read.
 */
export async function loadWorkspaceReview(
  deps: { prisma: PrismaClient; collab: CollabClient },
  user: { id: string; role: Role },
  storyId: string,
): Promise<WorkspaceReview> {
  const story = await deps.prisma.story.findUnique({ where: { id: storyId }, select: { id: true } });
  if (!story) throw new RequestError(404, "No such story.");
  const [review, latest] = await Promise.all([
    reviewStory(deps.prisma, storyId, await deps.collab.liveDocument(storyId)),
    deps.prisma.version.findFirst({ where: { storyId }, orderBy: { number: "desc" }, select: { number: true } }),
  ]);
  const mayDecide = can(user.role, "approve");
  return {
    claims: review.claims.map((reviewed) => ({
      id: reviewed.claim.id,
      hash: reviewed.hash,
      ...reviewed.review,
      canDecide: mayDecide && !reviewed.contributors.has(user.id),
    })),
    blockers: review.blockers.map((blocker) => ({ ...blocker, message: describeBlocker(blocker) })),
    latestVersion: latest?.number ?? null,
    canPublish: can(user.role, "publish"),
  };
}
