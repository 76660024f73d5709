import { getSessionUser } from "@/server/auth/session";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { reviewDeps } from "@/server/review/review-deps";
import { correctSource } from "@/server/sources/correct-source";

type Context = { params: Promise<{ storyId: string; sourceId: string }> };

/** Corrects a source's text as a new revision and re-anchors its quotes. Body: { text, note, basedOn }. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to correct sources." }, { status: 401 });
  const { storyId, sourceId } = await params;
  try {
    return Response.json(await correctSource(reviewDeps(), user, storyId, sourceId, await readJsonBody(request)), {
      status: 201,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
