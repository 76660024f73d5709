import { can } from "@/lib/auth/policy";
import { describeBlocker } from "@/lib/review/publish-readiness";
import { getSessionUser } from "@/server/auth/session";
import { errorResponse } from "@/server/http/error-response";
import { reviewDeps } from "@/server/review/review-deps";
import { reviewStory } from "@/server/review/story-review";

type Context = { params: Promise<{ storyId: string }> };

/**
 * The review of a story's live draft for the workspace: each claim's effective status, hash and latest
 * decision, whether the signed-in user may decide it, what blocks publishing, and the latest version.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to open the workspace." }, { status: 401 });
  if (!can(user.role, "open_workspace"))
    return Response.json({ error: "Your role may not open stories." }, { status: 403 });
  const { storyId } = await params;
  try {
    const deps = reviewDeps();
    const story = await deps.prisma.story.findUnique({ where: { id: storyId }, select: { id: true } });
    if (!story) return Response.json({ error: "No such story." }, { status: 404 });
    const [review, latest] = await Promise.all([
      reviewStory(deps.prisma, storyId, await deps.collab.liveDocument(storyId)),
      deps.prisma.version.findFirst({ where: { storyId }, orderBy: { number: "desc" }, select: { number: true } }),
    ]);
    const mayDecide = can(user.role, "approve");
    return Response.json(
      {
        claims: review.claims.map((reviewed) => ({
          id: reviewed.claim.id,
          hash: reviewed.hash,
          ...reviewed.review,
          canDecide: mayDecide && !reviewed.contributors.has(user.id),
        })),
        blockers: review.blockers.map((blocker) => ({ ...blocker, message: describeBlocker(blocker) })),
        latestVersion: latest?.number ?? null,
        canPublish: can(user.role, "publish"),
      },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
