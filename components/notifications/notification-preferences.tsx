"use client";

import { useState } from "react";
import { ErrorText } from "@/components/ui/error-text";
import { sendJson } from "@/components/ui/send-json";
import { NOTIFICATION_KIND_TEXT, type NotificationKind } from "@/lib/notifications/notification-kinds";

type Choice = { kind: NotificationKind; inApp: boolean; email: boolean };

/** Each kind of notification, in the app and by e-mail: a change is saved at once. */
export function NotificationPreferences({ initial, mail }: { initial: Choice[]; mail: boolean }) {
  const [choices, setChoices] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  async function change(next: Choice) {
    const previous = choices;
    setChoices(choices.map((choice) => (choice.kind === next.kind ? next : choice)));
    const result = await sendJson("/api/notifications/preferences", next);
    if (result.ok) setError(null);
    else {
      setChoices(previous);
      setError(result.error);
    }
  }

  return (
    <section aria-labelledby="preferences-heading" className="mt-10">
      <h2 id="preferences-heading" className="mb-2 font-serif text-lg font-semibold tracking-tight">
        What I am told
      </h2>
      <table className="w-full max-w-3xl text-left text-sm">
        <thead className="text-xs text-stone-500">
          <tr>
            <th className="py-1 font-medium">When</th>
            <th className="py-1 font-medium">In the app</th>
            <th className="py-1 font-medium">By e-mail{mail ? "" : " (no mail server set up)"}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {choices.map((choice) => (
            <tr key={choice.kind}>
              <td className="py-1.5">{NOTIFICATION_KIND_TEXT[choice.kind]}</td>
              <td className="py-1.5">
                <input
                  type="checkbox"
                  aria-label={`${NOTIFICATION_KIND_TEXT[choice.kind]}: in the app`}
                  checked={choice.inApp}
                  onChange={(event) => void change({ ...choice, inApp: event.target.checked })}
                />
              </td>
              <td className="py-1.5">
                <input
                  type="checkbox"
                  aria-label={`${NOTIFICATION_KIND_TEXT[choice.kind]}: by e-mail`}
                  checked={choice.email}
                  onChange={(event) => void change({ ...choice, email: event.target.checked })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? <ErrorText className="mt-1 text-sm">{error}</ErrorText> : null}
    </section>
  );
}
