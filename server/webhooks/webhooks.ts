import { randomBytes } from "node:crypto";
import * as z from "zod";
import { AUDIT_EVENT_DATA, isAuditAction, type AuditAction } from "../../lib/audit/audit-events";
import { can } from "../../lib/auth/policy";
import type { Role } from "../../lib/auth/roles";
import { webhookFormatSchema, type WebhookFormat } from "../../lib/webhooks/webhook-body";
import type { PrismaClient } from "../db/create-prisma";
import { RequestError } from "../http/request-error";

/** The audit events a webhook may receive: every event of the vocabulary. */
export const WEBHOOK_EVENTS = Object.keys(AUDIT_EVENT_DATA) as AuditAction[];

/** A webhook as the admin registers it. */
export const webhookInputSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2_000)
    .url("Give the receiver's address (http or https).")
    .refine((url) => /^https?:\/\//i.test(url), "Give the receiver's address (http or https)."),
  events: z
    .array(z.string().refine(isAuditAction, "Unknown event."))
    .min(1, "Choose at least one event.")
    .max(WEBHOOK_EVENTS.length),
  format: webhookFormatSchema.default("json"),
});
export type WebhookInput = z.input<typeof webhookInputSchema>;

function mustManage(user: { role: Role }): void {
  if (!can(user.role, "manage_users")) throw new RequestError(403, "Only admins manage webhooks.");
}

/**
 * Registers a webhook (admins only) with a new random secret, which the caller shows the admin once.
 * @throws RequestError 403; ZodError for a bad address or event list.
 */
export async function registerWebhook(
  prisma: PrismaClient,
  user: { id: string; role: Role },
  input: WebhookInput,
): Promise<{ id: string; secret: string }> {
  mustManage(user);
  const { url, events, format } = webhookInputSchema.parse(input);
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const webhook = await prisma.webhook.create({
    data: { url, secret, events: JSON.stringify([...new Set(events)]), format, createdById: user.id },
    select: { id: true },
  });
  return { id: webhook.id, secret };
}

/**
 * Removes a webhook and its delivery log (admins only).
 * @throws RequestError 403, 404.
 */
export async function removeWebhook(prisma: PrismaClient, user: { role: Role }, webhookId: string): Promise<void> {
  mustManage(user);
  const { count } = await prisma.webhook.deleteMany({ where: { id: webhookId } });
  if (count === 0) throw new RequestError(404, "No such webhook.");
}

/** A webhook as the admin's page lists it, with its latest deliveries (never its secret). */
export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  format: WebhookFormat;
  createdAt: string;
  deliveries: Array<{
    id: string;
    action: string;
    status: string;
    attempts: number;
    responseStatus: number | null;
    error: string | null;
    nextAttemptAt: string | null;
    at: string;
  }>;
}

/** Every webhook with its latest deliveries (`deliveries` per webhook), newest first. */
export async function listWebhooks(prisma: PrismaClient, deliveries = 20): Promise<WebhookView[]> {
  const webhooks = await prisma.webhook.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      url: true,
      events: true,
      format: true,
      createdAt: true,
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: deliveries,
        select: {
          id: true,
          status: true,
          attempts: true,
          responseStatus: true,
          error: true,
          nextAttemptAt: true,
          createdAt: true,
          event: { select: { action: true } },
        },
      },
    },
  });
  return webhooks.map((webhook) => ({
    id: webhook.id,
    url: webhook.url,
    events: readEvents(webhook.events),
    format: webhookFormatSchema.catch("json").parse(webhook.format),
    createdAt: webhook.createdAt.toISOString(),
    deliveries: webhook.deliveries.map((delivery) => ({
      id: delivery.id,
      action: delivery.event.action,
      status: delivery.status,
      attempts: delivery.attempts,
      responseStatus: delivery.responseStatus,
      error: delivery.error,
      nextAttemptAt: delivery.status === "pending" ? delivery.nextAttemptAt.toISOString() : null,
      at: delivery.createdAt.toISOString(),
    })),
  }));
}

/** A webhook's stored event list (a JSON array of names); an unreadable one is empty. */
export function readEvents(stored: string): string[] {
  const parsed = z.array(z.string()).safeParse(
    (() => {
      try {
        return JSON.parse(stored) as unknown;
      } catch {
        return null;
      }
    })(),
  );
  return parsed.success ? parsed.data : [];
}
