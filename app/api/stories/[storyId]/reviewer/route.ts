import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { reviewerInputSchema, setStoryReviewer } from "@/server/stories/story-reviewer";

type Context = { params: Promise<{ storyId: string }> };

/** Chooses the story's reviewer, or no one (editors and up). Body: { reviewerId: string | null }. */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to choose a reviewer." }, { status: 401 });
  const { storyId } = await params;
  try {
    const input = reviewerInputSchema.parse(await readJsonBody(request, 16 * 1024));
    await setStoryReviewer(prisma(), user, storyId, input);
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
