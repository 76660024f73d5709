import * as Y from "yjs";
import type { ClaimStatus } from "../../lib/claims/claim-schema";
import { signServiceToken } from "../auth/collab-token";
import type { ReanchorReply } from "./internal-api";

/** How the Next app talks to the collaboration server. */
export interface CollabClient {
  /** The live document of a story, as the collaboration server holds it now. */
  liveDocument(storyId: string): Promise<Y.Doc>;
  /** Writes a recorded decision's status into a claim of the live document. */
  writeClaimStatus(storyId: string, claimId: string, status: ClaimStatus): Promise<void>;
  /** Writes a recorded assignment (null: no one) into the live document, for every open workspace. */
  writeClaimAssignment(storyId: string, claimId: string, assignee: { id: string; name: string } | null): Promise<void>;
  /**
   * Re-anchors the quotes taken from a source in its text as stored now, and records its revision in the
   * live document so that open workspaces reload it (call it after an import too). Repeating a call changes
   * nothing.
   */
  reanchorSource(storyId: string, sourceId: string): Promise<ReanchorReply>;
  /** Writes imported summary paragraphs into the draft when its summary is empty; says whether it did. */
  writeSummaryIfEmpty(storyId: string, paragraphs: readonly string[]): Promise<boolean>;
}

/** The collaboration server did not answer (`answered` false: not reachable, or too slow), or answered with an error. */
export class CollabUnavailableError extends Error {
  override name = "CollabUnavailableError";

  constructor(
    message: string,
    readonly answered = false,
  ) {
    super(message);
  }
}

/** The story's stored document fails the schema, so the collaboration server does not serve it (HTTP 423). */
export class StoryQuarantinedError extends Error {
  override name = "StoryQuarantinedError";
}

/** A client for the collaboration server's internal endpoints at `baseUrl`, authenticated with a service token. */
export function createCollabClient(baseUrl: string, secret: string): CollabClient {
  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    const token = await signServiceToken(secret);
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(5_000),
      });
    } catch (error) {
      throw new CollabUnavailableError(`The collaboration server is not reachable (${String(error)}).`);
    }
    if (response.status === 423) {
      const body = (await response.json().catch(() => ({}))) as { error?: unknown };
      throw new StoryQuarantinedError(typeof body.error === "string" ? body.error : "The story is quarantined.");
    }
    if (!response.ok) throw new CollabUnavailableError(`The collaboration server answered ${response.status}.`, true);
    return response;
  }
  return {
    async liveDocument(storyId) {
      const response = await call(`/internal/stories/${encodeURIComponent(storyId)}/state`);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
      return doc;
    },
    async writeClaimStatus(storyId, claimId, status) {
      await call(`/internal/stories/${encodeURIComponent(storyId)}/claims/${encodeURIComponent(claimId)}/status`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status }),
      });
    },
    async writeClaimAssignment(storyId, claimId, assignee) {
      await call(`/internal/stories/${encodeURIComponent(storyId)}/claims/${encodeURIComponent(claimId)}/assignment`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ assignee }),
      });
    },
    async reanchorSource(storyId, sourceId) {
      const response = await call(
        `/internal/stories/${encodeURIComponent(storyId)}/sources/${encodeURIComponent(sourceId)}/reanchor`,
        { method: "POST" },
      );
      return (await response.json()) as ReanchorReply;
    },
    async writeSummaryIfEmpty(storyId, paragraphs) {
      const response = await call(`/internal/stories/${encodeURIComponent(storyId)}/summary`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ paragraphs }),
      });
      return ((await response.json()) as { written: boolean }).written;
    },
  };
}
