import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RemoveWebhookButton } from "@/components/webhooks/remove-webhook-button";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { can } from "@/lib/auth/policy";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { listWebhooks, WEBHOOK_EVENTS } from "@/server/webhooks/webhooks";

export const metadata: Metadata = { title: "Webhooks" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" });

/** Admins register webhooks and read each one's latest deliveries with their status. */
export default async function WebhooksPage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=%2Fadmin%2Fwebhooks");
  if (!can(user.role, "manage_users")) redirect("/");
  const webhooks = await listWebhooks(prisma());
  return (
    <div>
      <h1 className="mb-2 font-serif text-3xl font-bold tracking-tight">Webhooks</h1>
      <p className="mb-6 max-w-3xl text-sm text-stone-600">
        Each event is POSTed to the address, signed in the <code>Corroborate-Signature</code> header as{" "}
        <code>t=&lt;unix time&gt;,v1=&lt;HMAC-SHA256 of “t.body” with the secret&gt;</code>; a delivery that does not
        get a 2xx answer is tried again after 10 s, 30 s, 90 s and so on, six times in all.
      </p>
      <WebhookForm events={WEBHOOK_EVENTS} />
      {webhooks.length === 0 ? <p className="text-sm text-stone-600">No webhooks yet.</p> : null}
      <ul className="space-y-6" data-testid="webhooks">
        {webhooks.map((webhook) => (
          <li key={webhook.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="break-all font-mono text-sm">{webhook.url}</p>
              <RemoveWebhookButton webhookId={webhook.id} url={webhook.url} />
            </div>
            <p className="mt-1 text-xs text-stone-600">
              {webhook.format === "slack" ? "Slack-compatible" : "JSON"} · {webhook.events.join(", ")}
            </p>
            <table className="mt-3 w-full text-left text-sm" data-testid="webhook-deliveries">
              <caption className="sr-only">Latest deliveries to {webhook.url}</caption>
              <thead className="text-xs text-stone-500">
                <tr>
                  <th className="py-1 font-medium">When</th>
                  <th className="py-1 font-medium">Event</th>
                  <th className="py-1 font-medium">Status</th>
                  <th className="py-1 font-medium">Attempts</th>
                  <th className="py-1 font-medium">Last answer</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {webhook.deliveries.length === 0 ? (
                  <tr>
                    <td colSpan={5} className="py-1 text-stone-500">
                      No deliveries yet.
                    </td>
                  </tr>
                ) : null}
                {webhook.deliveries.map((delivery) => (
                  <tr key={delivery.id}>
                    <td className="py-1">{timeFormat.format(new Date(delivery.at))}</td>
                    <td className="py-1 font-mono text-xs">{delivery.action}</td>
                    <td className="py-1">
                      {delivery.status}
                      {delivery.nextAttemptAt
                        ? ` (next try ${timeFormat.format(new Date(delivery.nextAttemptAt))})`
                        : ""}
                    </td>
                    <td className="py-1">{delivery.attempts}</td>
                    <td className="py-1">{delivery.error ?? delivery.responseStatus ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
    </div>
  );
}
