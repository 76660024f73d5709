import type { IncomingMessage, ServerResponse } from "node:http";
import * as Y from "yjs";
import { z } from "zod";
import { claimStatusSchema } from "../../lib/claims/claim-schema";
import { claimsMap } from "../../lib/claims/story-claims";
import { isServiceToken } from "../auth/collab-token";
import { StoryNotFoundError } from "./persistence";
import type { Rooms } from "./rooms";

const STATE = /^\/internal\/stories\/([A-Za-z0-9_-]{1,64})\/state$/;
const CLAIM_STATUS = /^\/internal\/stories\/([A-Za-z0-9_-]{1,64})\/claims\/([A-Za-z0-9_-]{1,64})\/status$/;
const statusBody = z.object({ status: claimStatusSchema });
const MAX_BODY_BYTES = 4_096;

/**
 * The collaboration server's internal endpoints, for the Next app only (a service token signed with the
 * shared secret): `GET /internal/stories/:id/state` returns the live document as one Yjs update, and
 * `POST /internal/stories/:id/claims/:claimId/status` writes a recorded review decision into the live
 * document so that every open workspace shows it. Returns false for any other path.
 */
export async function handleInternalRequest(
  request: IncomingMessage,
  response: ServerResponse,
  rooms: Rooms,
  secret: string,
): Promise<boolean> {
  const path = new URL(request.url ?? "/", "http://collab.invalid").pathname;
  const state = STATE.exec(path);
  const claimStatus = CLAIM_STATUS.exec(path);
  if (!state && !claimStatus) return false;

  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
  if (!token || !(await isServiceToken(token, secret))) return reply(response, 401, { error: "service token required" });

  try {
    if (state?.[1] && request.method === "GET") {
      const update = await rooms.withDocument(state[1], (doc) => Y.encodeStateAsUpdate(doc));
      response.writeHead(200, { "content-type": "application/octet-stream", "cache-control": "no-store" });
      response.end(Buffer.from(update));
      return true;
    }
    if (claimStatus?.[1] && claimStatus[2] && request.method === "POST") {
      const body = statusBody.safeParse(await readJson(request));
      if (!body.success) return reply(response, 400, { error: "expected { status }" });
      const claimId = claimStatus[2];
      const found = await rooms.withDocument(claimStatus[1], (doc) => {
        const entry = claimsMap(doc).get(claimId);
        if (!(entry instanceof Y.Map)) return false;
        entry.set("status", body.data.status);
        return true;
      });
      return found ? reply(response, 200, { ok: true }) : reply(response, 404, { error: "no such claim" });
    }
    return reply(response, 405, { error: "method not allowed" });
  } catch (error) {
    if (error instanceof StoryNotFoundError) return reply(response, 404, { error: "no such story" });
    throw error;
  }
}

function reply(response: ServerResponse, status: number, body: unknown): true {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
  return true;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return null;
  }
}
