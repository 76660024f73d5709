import * as z from "zod";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { disableDemoAccounts } from "@/server/users/demo-accounts";

const bodySchema = z.object({ disabled: z.literal(true) }).strict();

/**
 * Disables every demo account but the admin's own (admins only; checked in disableDemoAccounts, one audit event
 * per person). Body: { disabled: true }. Answers the emails disabled and whether the admin's own was kept.
 */
export async function PATCH(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in again." }, { status: 401 });
  try {
    if (!bodySchema.safeParse(await readJsonBody(request, 1024)).success) {
      return Response.json({ error: "Send { disabled: true }." }, { status: 400 });
    }
    return Response.json(await disableDemoAccounts(prisma(), user));
  } catch (error) {
    return errorResponse(error);
  }
}
