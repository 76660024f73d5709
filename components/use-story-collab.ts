"use client";

import { useEffect, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CloseCode, isFinalCloseCode } from "@/lib/collab/close-codes";

export type CollabStatus = "connecting" | "connected" | "disconnected" | "refused";

export interface StoryCollab {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

interface TokenGrant {
  token: string;
  url: string;
  expiresInSeconds: number;
}

async function fetchToken(storyId: string): Promise<TokenGrant> {
  const response = await fetch("/api/collab-token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ storyId }),
  });
  const body = (await response.json().catch(() => ({}))) as Partial<TokenGrant> & { error?: string };
  if (!response.ok || !body.token || !body.url) {
    throw new Error(body.error ?? `The workspace could not be opened (HTTP ${response.status}).`);
  }
  return body as TokenGrant;
}

/**
 * Connects a story's live document to the collaboration server with the stock y-websocket provider. The
 * token is refreshed before it expires (so a reconnect always carries a valid one) and after the server
 * refuses an expired one; a forbidden or missing story stops reconnecting and reports why.
 */
export function useStoryCollab(storyId: string): {
  collab: StoryCollab | null;
  status: CollabStatus;
  synced: boolean;
  error: string | null;
} {
  const [collab, setCollab] = useState<StoryCollab | null>(null);
  const [status, setStatus] = useState<CollabStatus>("connecting");
  const [synced, setSynced] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let provider: WebsocketProvider | null = null;
    let refreshTimer: ReturnType<typeof setInterval> | undefined;
    const doc = new Y.Doc();

    const refresh = async (): Promise<void> => {
      const grant = await fetchToken(storyId);
      if (provider) provider.params = { token: grant.token };
    };

    fetchToken(storyId)
      .then((grant) => {
        if (cancelled) return;
        const current = new WebsocketProvider(grant.url, storyId, doc, {
          params: { token: grant.token },
          disableBc: true,
          shouldReconnect: (event) => event.code !== CloseCode.Unauthorized && !isFinalCloseCode(event.code),
        });
        provider = current;
        current.on("status", ({ status: next }) => setStatus(next));
        current.on("sync", (isSynced) => setSynced(isSynced));
        current.on("closed", ({ code, reason }) => {
          if (code === CloseCode.Unauthorized) {
            refresh()
              .then(() => current.connect())
              .catch((cause: unknown) => fail(cause));
            return;
          }
          setStatus("refused");
          setError(`The collaboration server refused the connection: ${reason || `code ${code}`}.`);
        });
        refreshTimer = setInterval(
          () => void refresh().catch(() => undefined),
          (grant.expiresInSeconds * 1000) / 2,
        );
        setCollab({ doc, provider: current });
      })
      .catch((cause: unknown) => fail(cause));

    function fail(cause: unknown): void {
      if (cancelled) return;
      setStatus("refused");
      setError(cause instanceof Error ? cause.message : String(cause));
    }

    return () => {
      cancelled = true;
      clearInterval(refreshTimer);
      provider?.destroy();
      doc.destroy();
      setCollab(null);
    };
  }, [storyId]);

  return { collab, status, synced, error };
}
