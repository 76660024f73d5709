import { webhookBody, webhookFormatSchema } from "../../lib/webhooks/webhook-body";
import type { PrismaClient } from "../db/create-prisma";
import { isUniqueViolation } from "../db/prisma-errors";
import { SIGNATURE_HEADER, signWebhook } from "./webhook-signature";
import { readEvents } from "./webhooks";

/** How deliveries are attempted; tests shorten the waits. */
export interface DeliveryOptions {
  /** The site's public address, for links in the bodies (NEXTAUTH_URL). */
  appUrl: string;
  fetch?: typeof fetch;
  now?: () => Date;
  /** The wait after the n-th failed attempt (n from 1): 10 s, 30 s, 90 s, … at most an hour. */
  backoffMs?: (attempt: number) => number;
  /** Attempts before a delivery is given up as failed (default 6). */
  maxAttempts?: number;
  /** How long a receiver may take to answer (default 10 s). */
  timeoutMs?: number;
}

/** The default wait after the n-th failed attempt: 10 s × 3^(n−1), at most an hour. */
export function defaultBackoffMs(attempt: number): number {
  return Math.min(10_000 * 3 ** (attempt - 1), 3_600_000);
}

/** How long an attempt holds its delivery, so that another process does not send it at the same time. */
const LEASE_MS = 60_000;

/**
 * Owes an audit event to every webhook that asked for its kind: one pending WebhookDelivery each (the same
 * event twice owes nothing twice).
 * @returns the ids of the deliveries created.
 */
export async function enqueueDeliveries(
  prisma: PrismaClient,
  event: { id: string; action: string },
): Promise<string[]> {
  const webhooks = await prisma.webhook.findMany({
    where: { disabledAt: null },
    select: { id: true, events: true },
  });
  const ids: string[] = [];
  for (const webhook of webhooks) {
    if (!readEvents(webhook.events).includes(event.action)) continue;
    try {
      const delivery = await prisma.webhookDelivery.create({
        data: { webhookId: webhook.id, eventId: event.id },
        select: { id: true },
      });
      ids.push(delivery.id);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return ids;
}

/**
 * Attempts one delivery if it is pending and due: POSTs the event's body, signed (webhook-signature.ts), and
 * records the outcome: delivered on a 2xx answer; otherwise the status or the error, and the next attempt after
 * the backoff, or failed after the last attempt. A redirect counts as a failure (it is not followed). Safe to run
 * in several processes: an attempt first takes a lease on the row.
 * @returns the delivery's status afterwards, or null when it was not due (or another process holds it).
 */
export async function attemptDelivery(
  prisma: PrismaClient,
  deliveryId: string,
  options: DeliveryOptions,
): Promise<"delivered" | "pending" | "failed" | null> {
  const now = options.now?.() ?? new Date();
  const leased = await prisma.webhookDelivery.updateMany({
    where: { id: deliveryId, status: "pending", nextAttemptAt: { lte: now } },
    data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
  });
  if (leased.count === 0) return null;
  const delivery = await prisma.webhookDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    select: {
      attempts: true,
      webhook: { select: { url: true, secret: true, format: true } },
      event: {
        select: {
          id: true,
          action: true,
          subject: true,
          reason: true,
          data: true,
          at: true,
          actor: { select: { id: true, name: true } },
          story: { select: { id: true, title: true, slug: true } },
        },
      },
    },
  });
  const format = webhookFormatSchema.catch("json").parse(delivery.webhook.format);
  const body = webhookBody(delivery.event, format, options.appUrl);
  const timestamp = Math.floor(now.getTime() / 1000);
  let responseStatus: number | null = null;
  let error: string | null = null;
  try {
    const response = await (options.fetch ?? fetch)(delivery.webhook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Corroborate-Webhooks",
        [SIGNATURE_HEADER]: signWebhook(delivery.webhook.secret, timestamp, body),
        "corroborate-event": delivery.event.action,
        "corroborate-delivery": deliveryId,
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    responseStatus = response.status;
    await response.body?.cancel();
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (caught) {
    error = caught instanceof Error ? caught.message.slice(0, 500) : "The request failed.";
  }
  const attempts = delivery.attempts + 1;
  const done = error === null;
  const givenUp = !done && attempts >= (options.maxAttempts ?? 6);
  const status = done ? "delivered" : givenUp ? "failed" : "pending";
  const finished = options.now?.() ?? new Date();
  await prisma.webhookDelivery.update({
    where: { id: deliveryId },
    data: {
      status,
      attempts,
      responseStatus,
      error,
      deliveredAt: done ? finished : null,
      nextAttemptAt:
        status === "pending"
          ? new Date(finished.getTime() + (options.backoffMs ?? defaultBackoffMs)(attempts))
          : finished,
    },
  });
  return status;
}

/**
 * Attempts every pending delivery that is due (at most `limit`), one after another: the retry sweep.
 * @returns how many were attempted.
 */
export async function deliverDue(prisma: PrismaClient, options: DeliveryOptions, limit = 50): Promise<number> {
  const due = await prisma.webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: options.now?.() ?? new Date() } },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  let attempted = 0;
  for (const { id } of due) if ((await attemptDelivery(prisma, id, options)) !== null) attempted++;
  return attempted;
}
