import * as z from "zod";
import { prisma } from "@/server/db/prisma";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { redeemAccountLink } from "@/server/users/account-links";

const bodySchema = z.object({
  kind: z.enum(["invitation", "reset"]),
  token: z.string().min(1).max(200),
  name: z.string().max(400).optional(),
  password: z.string().max(400),
});

/**
 * Uses a single-use account link (no session needed: the link's secret is the proof). Body: { kind, token,
 * name (invitations), password }. An invitation creates the person, a reset sets their password (ending their
 * other sessions); each writes an audit event. Answers the email to sign in with.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const body = bodySchema.safeParse(await readJsonBody(request, 4 * 1024));
    if (!body.success) return Response.json({ error: "Give the link, your name and a password." }, { status: 400 });
    const { kind, token, name, password } = body.data;
    const result = await redeemAccountLink(prisma(), kind, token, { name, password });
    return Response.json({ ok: true, email: result.email }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
