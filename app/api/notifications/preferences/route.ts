import { can } from "@/lib/auth/policy";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { preferenceInputSchema, setPreference } from "@/server/notifications/preferences";

/** Sets the signed-in person's choice for one kind of notification. Body: { kind, inApp, email }. */
export async function POST(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to choose your notifications." }, { status: 401 });
  if (!can(user.role, "open_workspace")) return Response.json({ error: "Not in the newsroom." }, { status: 403 });
  try {
    const { kind, inApp, email } = preferenceInputSchema.parse(await readJsonBody(request, 4 * 1024));
    await setPreference(prisma(), user.id, kind, { inApp, email });
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
