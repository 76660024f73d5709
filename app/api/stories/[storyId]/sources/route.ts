import { getSessionUser } from "@/server/auth/session";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { reviewDeps } from "@/server/review/review-deps";
import { importArticle } from "@/server/sources/import-sources";

type Context = { params: Promise<{ storyId: string }> };

/** Imports an article into a story's sources (editors, reviewers, admins). Body: the article and its metadata. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to import sources." }, { status: 401 });
  const { storyId } = await params;
  try {
    const source = await importArticle(reviewDeps(), user, storyId, await readJsonBody(request));
    return Response.json(source, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
