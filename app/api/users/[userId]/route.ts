import * as z from "zod";
import { roleSchema } from "@/lib/auth/roles";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { setUserDisabled } from "@/server/users/manage-people";
import { setUserRole } from "@/server/users/set-user-role";

type Context = { params: Promise<{ userId: string }> };

const bodySchema = z.union([z.object({ role: roleSchema }).strict(), z.object({ disabled: z.boolean() }).strict()]);

/**
 * Changes a person (admins only; checked in the services, each with an audit event). Body: { role } to change
 * their role, or { disabled } to disable (their sessions end at once) or re-enable them.
 */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in again." }, { status: 401 });
  const { userId } = await params;
  try {
    const body = bodySchema.safeParse(await readJsonBody(request, 16 * 1024));
    if (!body.success)
      return Response.json({ error: "Choose a role, or whether the person is disabled." }, { status: 400 });
    if ("role" in body.data) {
      await setUserRole(prisma(), user, userId, body.data.role);
      return Response.json({ ok: true, role: body.data.role });
    }
    await setUserDisabled(prisma(), user, userId, body.data.disabled);
    return Response.json({ ok: true, disabled: body.data.disabled });
  } catch (error) {
    return errorResponse(error);
  }
}
