import { can } from "@/lib/auth/policy";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { markRead, markReadInputSchema } from "@/server/notifications/inbox";

/** Marks the signed-in person's notifications read. Body: { ids: string[] } or { all: true }. Answers { marked }. */
export async function POST(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to see notifications." }, { status: 401 });
  if (!can(user.role, "open_workspace")) return Response.json({ error: "Not in the newsroom." }, { status: 403 });
  try {
    const input = markReadInputSchema.parse(await readJsonBody(request, 16 * 1024));
    return Response.json({ marked: await markRead(prisma(), user.id, input) });
  } catch (error) {
    return errorResponse(error);
  }
}
