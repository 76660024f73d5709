"use client";

import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";

interface Present {
  key: string;
  name: string;
  color: string;
  isYou: boolean;
}

function readPresence(awareness: Awareness): Present[] {
  const byUser = new Map<string, Present>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: { id?: unknown; name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== "string") continue;
    const isYou = clientId === awareness.clientID;
    // The server stamps each state with the user id from the token; a person with two tabs shows once.
    const key = isYou ? "you" : typeof user.id === "string" ? user.id : `client-${clientId}`;
    if (isYou || !byUser.has(key)) {
      byUser.set(key, { key, name: user.name, color: typeof user.color === "string" ? user.color : "#57534e", isYou });
    }
  }
  return [...byUser.values()].sort((a, b) => Number(b.isYou) - Number(a.isYou) || a.name.localeCompare(b.name));
}

/** Who is in the story right now, from Yjs awareness: a coloured chip per person, you first. */
export function PresenceBar({ awareness }: { awareness: Awareness }) {
  const [present, setPresent] = useState<Present[]>(() => readPresence(awareness));

  useEffect(() => {
    const update = () => setPresent(readPresence(awareness));
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [awareness]);

  return (
    <section aria-label="Who is here" className="flex flex-wrap items-center gap-2 text-sm">
      <h2 className="sr-only">Who is here</h2>
      <ul className="flex flex-wrap gap-2" data-testid="presence-list">
        {present.map((person) => (
          <li
            key={person.key}
            className="flex items-center gap-1.5 rounded-full border border-stone-200 bg-white py-0.5 pl-0.5 pr-2.5"
          >
            <span
              aria-hidden="true"
              className="flex h-6 w-6 items-center justify-center rounded-full text-xs font-semibold text-white"
              style={{ backgroundColor: person.color }}
            >
              {person.name.slice(0, 1).toUpperCase()}
            </span>
            <span data-testid="presence-name">{person.name}</span>
            {person.isYou ? <span className="text-stone-500">(you)</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
