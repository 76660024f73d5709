import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { setUserRole } from "@/server/users/set-user-role";

type Context = { params: Promise<{ userId: string }> };

const bodySchema = z.object({ role: roleSchema });

/** Changes a person's role (admins only; checked in setUserRole, with an audit event). Body: { role }. */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in again." }, { status: 401 });
  const { userId } = await params;
  try {
    const body = bodySchema.safeParse(await readJsonBody(request, 16 * 1024));
    if (!body.success) return Response.json({ error: "Choose a role." }, { status: 400 });
    const { role } = body.data;
    await setUserRole(prisma(), user, userId, role);
    return Response.json({ ok: true, role });
  } catch (error) {
    return errorResponse(error);
  }
}
