"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, FIELD_INPUT } from "@/components/ui/field";
import { sendJson } from "@/components/ui/send-json";

/**
 * The admin's form to register a webhook: the receiver's address, the events it receives and the body's format.
 * The secret that signs its deliveries is shown once, after registering.
 */
export function WebhookForm({ events }: { events: readonly string[] }) {
  const router = useRouter();
  const [url, setUrl] = useState("");
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [format, setFormat] = useState<"json" | "slack">("json");
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await sendJson<{ id: string; secret: string }>("/api/webhooks", {
      url,
      events: [...chosen],
      format,
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setSecret(result.data.secret);
    setUrl("");
    setChosen(new Set());
    router.refresh();
  }

  const toggle = (name: string) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  return (
    <form
      onSubmit={submit}
      aria-label="Register a webhook"
      className="mb-8 space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
    >
      <Field label="Receiver's address">
        {(id) => (
          <input
            id={id}
            type="url"
            required
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            placeholder="https://example.org/hooks/corroborate"
            className={FIELD_INPUT}
          />
        )}
      </Field>
      <fieldset className="text-sm">
        <legend className="font-medium text-stone-700">Events</legend>
        <div className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          {events.map((name) => (
            <label key={name} className="flex items-center gap-2 font-mono text-xs">
              <input type="checkbox" checked={chosen.has(name)} onChange={() => toggle(name)} />
              {name}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Format">
        {(id) => (
          <select
            id={id}
            value={format}
            onChange={(event) => setFormat(event.target.value === "slack" ? "slack" : "json")}
            className={FIELD_INPUT}
          >
            <option value="json">JSON (every field of the event)</option>
            <option value="slack">Slack-compatible message ({"{ text }"})</option>
          </select>
        )}
      </Field>
      {error ? <Alert>{error}</Alert> : null}
      {secret ? (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-2 text-sm">
          Registered. Its signing secret, shown only now: <code className="break-all font-mono">{secret}</code>
        </p>
      ) : null}
      <Button variant="form" type="submit" disabled={pending}>
        Register webhook
      </Button>
    </form>
  );
}
