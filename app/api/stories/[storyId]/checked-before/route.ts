import { checkedBeforeResponse } from "@/server/assistant/checked-before";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";

type Context = { params: Promise<{ storyId: string }> };

/**
 * Claims of other stories' latest published versions that resemble a claim of this story's draft, with their
 * verdicts, evidence and reader links (server/assistant/checked-before.ts): `?claim=<words>&limit=<1-10>`.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { storyId } = await params;
  return checkedBeforeResponse(prisma(), await getSessionUser(), storyId, new URL(request.url).searchParams);
}
