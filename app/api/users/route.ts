import * as z from "zod";
import { roleSchema } from "@/lib/auth/roles";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { getEnv } from "@/server/env";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { sendAccountLink } from "@/server/mail/send-account-link";
import { inviteUser } from "@/server/users/account-links";

const bodySchema = z.object({ email: z.string().max(400), role: roleSchema });

/**
 * Invites a person (admins only; checked in inviteUser, with an audit event). Body: { email, role }. Answers the
 * link to pass on, when it expires, and whether it was mailed (only when SMTP is configured).
 */
export async function POST(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in again." }, { status: 401 });
  try {
    const body = bodySchema.safeParse(await readJsonBody(request, 16 * 1024));
    if (!body.success) return Response.json({ error: "Give an email address and a role." }, { status: 400 });
    const link = await inviteUser(prisma(), user, body.data);
    const url = new URL(link.path, getEnv().NEXTAUTH_URL).href;
    const mail = await sendAccountLink(link, url, { invitedBy: user.name, role: body.data.role });
    return Response.json({ email: link.email, url, expiresAt: link.expiresAt.toISOString(), mail }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
