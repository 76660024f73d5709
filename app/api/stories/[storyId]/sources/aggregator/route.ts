import { getSessionUser } from "@/server/auth/session";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { reviewDeps } from "@/server/review/review-deps";
import { importAggregatorPage } from "@/server/sources/import-sources";

type Context = { params: Promise<{ storyId: string }> };

/** Imports an aggregator page: its cards as sources, its Summary and Perspectives. Body: { text }. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to import sources." }, { status: 401 });
  const { storyId } = await params;
  try {
    return Response.json(await importAggregatorPage(reviewDeps(), user, storyId, await readJsonBody(request)));
  } catch (error) {
    return errorResponse(error);
  }
}
