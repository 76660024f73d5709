import { getSessionUser } from "@/server/auth/session";
import { errorResponse } from "@/server/http/error-response";
import { decideClaim, decisionInputSchema } from "@/server/review/decide-claim";
import { reviewDeps } from "@/server/review/review-deps";

type Context = { params: Promise<{ storyId: string; claimId: string }> };

/** Approves or rejects a claim (reviewers and admins; four eyes). Body: decisionInputSchema. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to review claims." }, { status: 401 });
  const { storyId, claimId } = await params;
  try {
    const input = decisionInputSchema.parse(await request.json().catch(() => null));
    await decideClaim(reviewDeps(), user, storyId, claimId, input);
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
