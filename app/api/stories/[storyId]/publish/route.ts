import { revalidatePath } from "next/cache";
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
    const deps = reviewDeps();
    const published = await publishStory(deps, user, storyId, input);
    const story = await deps.prisma.story.findUniqueOrThrow({ where: { id: storyId }, select: { slug: true } });
    // The reader's latest page, and every version page (an older one now shows a newer-version notice).
    revalidatePath(`/stories/${story.slug}`);
    revalidatePath("/(reader)/stories/[slug]/v/[n]", "page");
    return Response.json(published);
  } catch (error) {
    return errorResponse(error);
  }
}
