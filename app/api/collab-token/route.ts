import * as z from "zod";
import { can } from "@/lib/auth/policy";
import { signCollabToken } from "@/server/auth/collab-token";
import { getSessionUser } from "@/server/auth/session";
import { getEnv } from "@/server/env";
import { collabPublicUrl } from "@/server/http/collab-public-url";
import { storyExists } from "@/server/stories/queries";

const bodySchema = z.object({ storyId: z.string().min(1).max(64) });

/**
 * Issues a short-lived collaboration token for the signed-in user and one story, with the address of the
 * collaboration server. 401 without a session, 403 for a role that may not edit, 404 for an unknown story.
 */
export async function POST(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to open the workspace." }, { status: 401 });
  if (!can(user.role, "open_workspace")) {
    return Response.json({ error: "Your role may not edit stories." }, { status: 403 });
  }
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return Response.json({ error: "Expected { storyId }." }, { status: 400 });
  if (!(await storyExists(body.data.storyId))) {
    return Response.json({ error: "No such story." }, { status: 404 });
  }

  const env = getEnv();
  const token = await signCollabToken(
    { userId: user.id, name: user.name, role: user.role, storyId: body.data.storyId },
    env.COLLAB_TOKEN_SECRET,
    env.COLLAB_TOKEN_TTL,
  );
  const url = collabPublicUrl(env, new URL(request.url).hostname);
  return Response.json({ token, url }, { headers: { "cache-control": "no-store" } });
}
