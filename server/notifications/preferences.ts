import * as z from "zod";
import {
  NOTIFICATION_KINDS,
  notificationKindSchema,
  type NotificationKind,
} from "../../lib/notifications/notification-kinds";
import type { PrismaClient } from "../db/create-prisma";
import { RequestError } from "../http/request-error";
import { verifyUnsubscribe } from "./unsubscribe-link";

/** An unsubscribe link's fields, as its page posts them back. */
export const unsubscribeInputSchema = z.object({
  u: z.string().min(1).max(64),
  k: notificationKindSchema,
  s: z.string().min(1).max(100),
});
export type UnsubscribeInput = z.infer<typeof unsubscribeInputSchema>;

/**
 * Stops e-mail of one kind for the person an unsubscribe link names (the link's signature is the proof; no
 * session needed). In-app notifications of the kind stay as they were.
 * @throws RequestError 403 for a link that is not ours.
 */
export async function unsubscribe(prisma: PrismaClient, secret: string, input: UnsubscribeInput): Promise<void> {
  if (!verifyUnsubscribe(secret, input.u, input.k, input.s))
    throw new RequestError(403, "This unsubscribe link is not valid.");
  await setPreference(prisma, input.u, input.k, { email: false });
}

/** A person's choice for one kind, as the settings form sends it. */
export const preferenceInputSchema = z.object({
  kind: notificationKindSchema,
  inApp: z.boolean(),
  email: z.boolean(),
});

/** A person's choices for every kind (the default, both on, where they chose nothing). */
export async function loadPreferences(
  prisma: PrismaClient,
  userId: string,
): Promise<Array<{ kind: NotificationKind; inApp: boolean; email: boolean }>> {
  const rows = await prisma.notificationPreference.findMany({ where: { userId } });
  return NOTIFICATION_KINDS.map((kind) => {
    const row = rows.find((candidate) => candidate.kind === kind);
    return { kind, inApp: row?.inApp ?? true, email: row?.email ?? true };
  });
}

/** Sets a person's choice for one kind (unset channels keep their current value, by default on). */
export async function setPreference(
  prisma: PrismaClient,
  userId: string,
  kind: NotificationKind,
  choice: { inApp?: boolean; email?: boolean },
): Promise<void> {
  await prisma.notificationPreference.upsert({
    where: { userId_kind: { userId, kind } },
    create: { userId, kind, ...choice },
    update: choice,
  });
}
