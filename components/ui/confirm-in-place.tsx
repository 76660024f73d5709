"use client";

import { useState, type ReactNode } from "react";
import { ErrorText } from "@/components/ui/error-text";

/**
 * A destructive action confirmed in place: a trigger, then a red group with what will happen, the action and
 * "Keep it" (which takes the focus). `onConfirm` may be async and resolve to a message saying why it failed.
 */
export function ConfirmInPlace({
  trigger,
  triggerClassName,
  label,
  message,
  action,
  pendingAction,
  onConfirm,
}: {
  trigger: string;
  triggerClassName: string;
  /** The accessible name of the confirmation group. */
  label: string;
  message: ReactNode;
  action: string;
  pendingAction?: string;
  onConfirm: () => void | Promise<string | null>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    const problem = (await onConfirm()) ?? null;
    setPending(false);
    setError(problem);
    if (!problem) setConfirming(false);
  }

  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className={triggerClassName}>
        {trigger}
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-label={label}
      className="w-full space-y-2 rounded border border-red-200 bg-red-50 p-2 text-sm"
    >
      <p className="text-red-900">{message}</p>
      {error ? <ErrorText>{error}</ErrorText> : null}
      <div className="flex gap-2">
        <button
          type="button"
          onClick={confirm}
          disabled={pending}
          className="rounded bg-red-700 px-2.5 py-1 font-medium text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50"
        >
          {pending && pendingAction ? pendingAction : action}
        </button>
        <button
          type="button"
          onClick={() => {
            setConfirming(false);
            setError(null);
          }}
          autoFocus
          className="rounded px-2.5 py-1 text-stone-700 hover:bg-white focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          Keep it
        </button>
      </div>
    </div>
  );
}
