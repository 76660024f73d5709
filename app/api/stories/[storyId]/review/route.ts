import { can } from "@/lib/auth/policy";
import { getSessionUser } from "@/server/auth/session";
import { errorResponse } from "@/server/http/error-response";
import { reviewDeps } from "@/server/review/review-deps";
import { loadWorkspaceReview } from "@/server/review/workspace-review";

type Context = { params: Promise<{ storyId: string }> };

/**
 * The review of a story's live draft for the workspace (server/review/workspace-review.ts): each claim's
 * effective status, hash and latest decision, whether the signed-in user may decide it, what blocks publishing,
 * and the latest version.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to open the workspace." }, { status: 401 });
  if (!can(user.role, "open_workspace"))
    return Response.json({ error: "Your role may not open stories." }, { status: 403 });
  const { storyId } = await params;
  try {
    return Response.json(await loadWorkspaceReview(reviewDeps(), user, storyId), {
      headers: { "cache-control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
