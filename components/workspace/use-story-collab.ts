"use client";

import { useEffect, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CARETS_PARAMETER, readCaretsWith } from "@/lib/collab/caret-messages";
import { ACCOUNT_DISABLED_REASON, CloseCode, isFinalCloseCode } from "@/lib/collab/close-codes";

export type CollabStatus = "connecting" | "connected" | "disconnected" | "refused";

export interface StoryCollab {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

interface TokenGrant {
  token: string;
  url: string;
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

/** What a person is told when the server closes the connection for good, by close code. */
function finalMessage(code: number, reason: string): string {
  switch (code) {
    case CloseCode.BadMessage:
      return `The collaboration server refused a change from this page (${reason}). Reload the page to continue.`;
    case CloseCode.DocumentTooLarge:
      return "The story's draft has reached its size limit: the last change was not saved. Remove text or quotes, or ask an administrator.";
    case CloseCode.Forbidden:
      return reason === ACCOUNT_DISABLED_REASON
        ? "Your account has been disabled: you can no longer edit this story. Ask an administrator if this is a mistake."
        : `The collaboration server refused the connection: ${reason}.`;
    case CloseCode.Quarantined:
      return `This story's draft is quarantined and cannot be opened: ${reason}. An administrator must repair it.`;
    default:
      return `The collaboration server refused the connection: ${reason || `code ${code}`}.`;
  }
}

/**
 * Connects a story's live document to the collaboration server with the stock y-websocket provider. Tokens
 * are single-use, so the provider never reconnects on its own: after any close that is not final (a token
 * that expired, access that changed, a server restart, a limit to back off from) the hook fetches a fresh
 * token and reconnects with a growing delay, keeping the document and its unsent edits; a final close (a
 * refused change, a forbidden or missing story, a quarantined draft) stops and reports why.
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
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    const doc = new Y.Doc();

    function fail(cause: unknown): void {
      if (cancelled) return;
      setStatus("refused");
      setError(cause instanceof Error ? cause.message : String(cause));
    }

    async function connect(): Promise<void> {
      const grant = await fetchToken(storyId);
      if (cancelled) return;
      if (!provider) {
        const current = new WebsocketProvider(grant.url, storyId, doc, {
          params: { token: grant.token, ...CARETS_PARAMETER },
          disableBc: true,
          connect: false,
          shouldReconnect: () => false,
        });
        readCaretsWith(current);
        provider = current;
        current.on("status", ({ status: next }) => setStatus(next));
        current.on("sync", (isSynced) => {
          setSynced(isSynced);
          if (isSynced) attempts = 0;
        });
        current.on("closed", ({ code, reason }) => {
          if (cancelled) return;
          if (isFinalCloseCode(code)) {
            fail(new Error(finalMessage(code, reason)));
            return;
          }
          // Growing delay with jitter, so that a restarted server is not met by every tab at once.
          const delay = Math.min(10_000, 250 * 2 ** attempts) * (0.5 + Math.random() / 2);
          attempts += 1;
          retryTimer = setTimeout(() => void connect().catch(fail), delay);
        });
        setCollab({ doc, provider: current });
      } else {
        provider.params = { token: grant.token, ...CARETS_PARAMETER };
      }
      provider.connect();
    }

    connect().catch(fail);

    return () => {
      cancelled = true;
      clearTimeout(retryTimer);
      provider?.destroy();
      doc.destroy();
      setCollab(null);
    };
  }, [storyId]);

  return { collab, status, synced, error };
}
