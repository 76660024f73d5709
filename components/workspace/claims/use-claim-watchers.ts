"use client";

import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";

export interface Watcher {
  name: string;
  color: string;
}

function readWatchers(awareness: Awareness): Record<string, Watcher[]> {
  const byClaim: Record<string, Watcher[]> = {};
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const claim = (state as { claim?: unknown }).claim;
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
    if (typeof claim !== "string" || typeof user?.name !== "string") continue;
    const watchers = (byClaim[claim] ??= []);
    if (!watchers.some((watcher) => watcher.name === user.name)) {
      watchers.push({ name: user.name, color: typeof user.color === "string" ? user.color : "#57534e" });
    }
  }
  return byClaim;
}

/**
 * Publishes which claim you are looking at in your awareness state, and returns who else looks at which
 * claim, by claim id.
 */
export function useClaimWatchers(awareness: Awareness | null, activeClaimId: string | null): Record<string, Watcher[]> {
  const [watchers, setWatchers] = useState<Record<string, Watcher[]>>({});

  useEffect(() => {
    awareness?.setLocalStateField("claim", activeClaimId);
  }, [awareness, activeClaimId]);

  useEffect(() => {
    if (!awareness) return;
    const update = () => setWatchers(readWatchers(awareness));
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [awareness]);

  return watchers;
}
