import * as z from "zod";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { getEnv } from "@/server/env";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { sendAccountLink } from "@/server/mail/send-account-link";
import { issueResetLinkAsAdmin } from "@/server/users/account-links";

type Context = { params: Promise<{ userId: string }> };

const bodySchema = z.object({}).strict();

/**
 * Issues a link for a person to set a new password (admins only; checked in issueResetLinkAsAdmin, with an audit
 * event). Body: {}. Answers the link to pass on and whether it was mailed.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in again." }, { status: 401 });
  const { userId } = await params;
  try {
    if (!bodySchema.safeParse(await readJsonBody(request, 1024)).success)
      return Response.json({ error: "Send an empty object." }, { status: 400 });
    const link = await issueResetLinkAsAdmin(prisma(), user, userId);
    const url = new URL(link.path, getEnv().NEXTAUTH_URL).href;
    const mail = await sendAccountLink(link, url);
    return Response.json({ email: link.email, url, expiresAt: link.expiresAt.toISOString(), mail }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
