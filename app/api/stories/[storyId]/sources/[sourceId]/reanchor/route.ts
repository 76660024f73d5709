import { getSessionUser } from "@/server/auth/session";
import { errorResponse } from "@/server/http/error-response";
import { reviewDeps } from "@/server/review/review-deps";
import { reanchorSource } from "@/server/sources/correct-source";

type Context = { params: Promise<{ storyId: string; sourceId: string }> };

/** Re-anchors a source's quotes in its current revision when the live draft has not seen it yet. */
export async function POST(_request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to correct sources." }, { status: 401 });
  const { storyId, sourceId } = await params;
  try {
    return Response.json(await reanchorSource(reviewDeps(), user, storyId, sourceId));
  } catch (error) {
    return errorResponse(error);
  }
}
