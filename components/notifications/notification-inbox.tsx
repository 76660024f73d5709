"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { sendJson } from "@/components/ui/send-json";
import type { InboxGroup, InboxItem } from "@/server/notifications/inbox";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/**
 * The inbox: a person's notifications grouped by story, unread ones marked; one click on a notification marks it
 * read and opens its claim in the story's workspace. Every text is rendered as text.
 */
export function NotificationInbox({ groups }: { groups: InboxGroup[] }) {
  const router = useRouter();
  const [read, setRead] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const isRead = (item: InboxItem) => item.read || read.has(item.id);
  const unread = groups.flatMap((group) => group.items).filter((item) => !isRead(item));

  async function mark(body: { ids: string[] } | { all: true }, ids: string[]): Promise<boolean> {
    const result = await sendJson<{ marked: number }>("/api/notifications/read", body);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setError(null);
    setRead((previous) => new Set([...previous, ...ids]));
    window.dispatchEvent(new Event("notifications-read"));
    return true;
  }

  async function open(item: InboxItem) {
    if (!isRead(item)) await mark({ ids: [item.id] }, [item.id]);
    if (item.href) router.push(item.href);
  }

  if (groups.length === 0)
    return (
      <p className="text-sm text-stone-600">
        Nothing yet: you are told here when someone mentions you, decides a claim you marked, assigns you a claim or
        publishes a story you worked on.
      </p>
    );

  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-stone-600" aria-live="polite">
          {unread.length === 0 ? "All read." : `${unread.length} unread`}
        </p>
        {unread.length > 0 ? (
          <Button
            variant="quiet"
            onClick={() =>
              void mark(
                { all: true },
                unread.map((item) => item.id),
              )
            }
          >
            Mark all read
          </Button>
        ) : null}
      </div>
      {error ? <ErrorText className="text-sm">{error}</ErrorText> : null}
      {groups.map((group) => (
        <section key={group.story?.id ?? "newsroom"} aria-labelledby={`inbox-${group.story?.id ?? "newsroom"}`}>
          <h2
            id={`inbox-${group.story?.id ?? "newsroom"}`}
            className="mb-2 font-serif text-lg font-semibold tracking-tight"
          >
            {group.story?.title ?? "The newsroom"}
          </h2>
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {group.items.map((item) => (
              <li
                key={item.id}
                data-testid="notification"
                data-read={isRead(item) ? "true" : "false"}
                className={`flex items-start gap-3 px-4 py-3 ${isRead(item) ? "" : "bg-blue-50"}`}
              >
                <span
                  aria-hidden="true"
                  className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${isRead(item) ? "bg-transparent" : "bg-blue-700"}`}
                />
                <div className="min-w-0 flex-1 text-sm">
                  <button
                    type="button"
                    onClick={() => void open(item)}
                    className="text-left hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
                  >
                    <span className="font-medium">{item.actorName}</span> {item.text}
                    {isRead(item) ? null : <span className="sr-only"> (unread)</span>}
                  </button>
                  {item.claimText ? <p className="mt-0.5 text-stone-700">“{item.claimText}”</p> : null}
                  {item.reason ? (
                    <p className="mt-0.5 whitespace-pre-wrap text-stone-700" data-testid="notification-reason">
                      <span className="text-stone-500">Reason: </span>
                      {item.reason}
                    </p>
                  ) : null}
                  <p className="mt-0.5 text-xs text-stone-500">{timeFormat.format(new Date(item.createdAt))}</p>
                </div>
                {isRead(item) ? null : (
                  <Button variant="quiet" onClick={() => void mark({ ids: [item.id] }, [item.id])}>
                    Mark read
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
