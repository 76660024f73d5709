import type { CollabStatus } from "./use-story-collab";

const LABELS: Record<CollabStatus, { text: string; dot: string }> = {
  connecting: { text: "Connecting…", dot: "bg-amber-500" },
  connected: { text: "Live", dot: "bg-emerald-600" },
  disconnected: { text: "Offline — edits are kept and sent when the connection returns", dot: "bg-stone-400" },
  refused: { text: "Not connected", dot: "bg-red-600" },
};

/** The state of the live connection, announced politely to screen readers when it changes. */
export function ConnectionStatus({ status }: { status: CollabStatus }) {
  const label = LABELS[status];
  return (
    <p
      role="status"
      className="flex items-center gap-2 text-sm text-stone-600"
      data-testid="connection-status"
      data-status={status}
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${label.dot}`} />
      {label.text}
    </p>
  );
}
