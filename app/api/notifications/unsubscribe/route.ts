import { prisma } from "@/server/db/prisma";
import { getEnv } from "@/server/env";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { unsubscribe, unsubscribeInputSchema } from "@/server/notifications/preferences";

/**
 * Stops e-mail of one kind for the person a digest's unsubscribe link names. Body: the link's { u, k, s }. No
 * session: the link's signature is the proof.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const input = unsubscribeInputSchema.parse(await readJsonBody(request, 4 * 1024));
    await unsubscribe(prisma(), getEnv().NEXTAUTH_SECRET, input);
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
