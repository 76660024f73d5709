import * as z from "zod";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { changeOwnPassword } from "@/server/users/manage-people";

const bodySchema = z.object({ currentPassword: z.string().max(400), newPassword: z.string().max(400) });

/**
 * Changes the signed-in person's password (the current one required; rule in lib/accounts/password-rule.ts, with
 * an audit event). Every session of theirs ends, this one too: the page signs in again with the new password.
 */
export async function POST(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in again." }, { status: 401 });
  try {
    const body = bodySchema.safeParse(await readJsonBody(request, 4 * 1024));
    if (!body.success) return Response.json({ error: "Give the current and the new password." }, { status: 400 });
    await changeOwnPassword(prisma(), user.id, body.data);
    return Response.json({ ok: true, email: user.email });
  } catch (error) {
    return errorResponse(error);
  }
}
