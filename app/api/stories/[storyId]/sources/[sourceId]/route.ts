import { getSessionUser } from "@/server/auth/session";
import { errorResponse } from "@/server/http/error-response";
import { reviewDeps } from "@/server/review/review-deps";
import { removeSource } from "@/server/sources/import-sources";

type Context = { params: Promise<{ storyId: string; sourceId: string }> };

/** Removes a source imported by mistake (editors, reviewers, admins), when no quote rests on it. */
export async function DELETE(_request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to remove sources." }, { status: 401 });
  const { storyId, sourceId } = await params;
  try {
    await removeSource(reviewDeps(), user, storyId, sourceId);
    return Response.json({ removed: sourceId });
  } catch (error) {
    return errorResponse(error);
  }
}
