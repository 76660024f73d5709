import { getSessionUser } from "@/server/auth/session";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { prisma } from "@/server/db/prisma";
import { createStory, newStoryInputSchema } from "@/server/stories/create-story";

/** Creates an empty story (editors, reviewers, admins). Body: { title }. Answers 201 with { id, slug }. */
export async function POST(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in again." }, { status: 401 });
  try {
    const input = newStoryInputSchema.parse((await readJsonBody(request, 16 * 1024)) ?? {});
    return Response.json(await createStory(prisma(), user, input), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
