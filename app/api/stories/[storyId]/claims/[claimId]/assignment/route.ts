import { assignClaim, assignmentInputSchema } from "@/server/claims/assign-claim";
import { getSessionUser } from "@/server/auth/session";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { reviewDeps } from "@/server/review/review-deps";

type Context = { params: Promise<{ storyId: string; claimId: string }> };

/** Assigns a claim to a person, or to no one (editors and up). Body: { assigneeId: string | null }. */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to assign claims." }, { status: 401 });
  const { storyId, claimId } = await params;
  try {
    const input = assignmentInputSchema.parse(await readJsonBody(request, 16 * 1024));
    await assignClaim(reviewDeps(), user, storyId, claimId, input);
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
