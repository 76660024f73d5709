"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { roleSchema } from "@/lib/auth/roles";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { RequestError } from "@/server/http/request-error";
import { setUserRole } from "@/server/users/set-user-role";

const inputSchema = z.object({ userId: z.string().min(1).max(64), role: roleSchema });

/** The outcome of a role change, shown beside the form. */
export type RoleChangeState = { ok: boolean; message: string } | null;

/** Changes a user's role (admins only; checked again in setUserRole) and reports the outcome. */
export async function changeRole(_previous: RoleChangeState, form: FormData): Promise<RoleChangeState> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: "Sign in again." };
  const input = inputSchema.safeParse({ userId: form.get("userId"), role: form.get("role") });
  if (!input.success) return { ok: false, message: "Choose a role." };
  try {
    await setUserRole(prisma(), user, input.data.userId, input.data.role);
  } catch (error) {
    if (error instanceof RequestError) return { ok: false, message: error.message };
    throw error;
  }
  revalidatePath("/admin/users");
  return { ok: true, message: "Role changed." };
}
