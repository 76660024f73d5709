import { getSessionUser } from "@/server/auth/session";
import { errorResponse } from "@/server/http/error-response";
import { publishInputSchema, publishStory } from "@/server/review/publish-story";
import { reviewDeps } from "@/server/review/review-deps";

type Context = { params: Promise<{ storyId: string }> };

/** Publishes the next version of a story (reviewers and admins). Body: { correctionNote? }. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to publish." }, { status: 401 });
  const { storyId } = await params;
  try {
    const input = publishInputSchema.parse((await request.json().catch(() => null)) ?? {});
    // Reader pages are rendered per request from the stored versions: nothing cached to revalidate.
    return Response.json(await publishStory(reviewDeps(), user, storyId, input));
  } catch (error) {
    return errorResponse(error);
  }
}
