import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { errorResponse } from "@/server/http/error-response";
import { removeWebhook } from "@/server/webhooks/webhooks";

type Context = { params: Promise<{ webhookId: string }> };

/** Removes a webhook and its delivery log (admins). */
export async function DELETE(_request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to manage webhooks." }, { status: 401 });
  try {
    await removeWebhook(prisma(), user, (await params).webhookId);
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
