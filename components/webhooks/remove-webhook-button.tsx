"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { sendJson } from "@/components/ui/send-json";

/** Removes a webhook and its delivery log. */
export function RemoveWebhookButton({ webhookId, url }: { webhookId: string; url: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    const result = await sendJson(`/api/webhooks/${encodeURIComponent(webhookId)}`, undefined, "DELETE");
    if (!result.ok) setError(result.error);
    else router.refresh();
  }
  return (
    <span>
      <Button variant="quiet" onClick={() => void remove()} aria-label={`Remove the webhook to ${url}`}>
        Remove
      </Button>
      {error ? <ErrorText className="text-sm">{error}</ErrorText> : null}
    </span>
  );
}
