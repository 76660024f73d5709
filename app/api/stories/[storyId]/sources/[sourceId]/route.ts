import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { reviewDeps } from "@/server/review/review-deps";
import { setSourceHidden, sourceVisibilitySchema } from "@/server/sources/hide-source";
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

/** Hides the source from the workspace or shows it there again (editors, reviewers, admins). Body: { hidden }. */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to hide or show sources." }, { status: 401 });
  const { storyId, sourceId } = await params;
  try {
    const { hidden } = sourceVisibilitySchema.parse(await readJsonBody(request, 1024));
    await setSourceHidden(prisma(), user, storyId, sourceId, hidden);
    return Response.json({ hidden });
  } catch (error) {
    return errorResponse(error);
  }
}
