import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { registerWebhook, webhookInputSchema } from "@/server/webhooks/webhooks";

/** Registers a webhook (admins). Body: { url, events, format }. Answers { id, secret }: the secret is shown once. */
export async function POST(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to manage webhooks." }, { status: 401 });
  try {
    const input = webhookInputSchema.parse(await readJsonBody(request, 16 * 1024));
    return Response.json(await registerWebhook(prisma(), user, input), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
