import type { IncomingMessage, ServerResponse } from "node:http";
import * as Y from "yjs";
import * as z from "zod";
import { claimStatusSchema } from "../../lib/claims/claim-schema";
import type { SourceCorrectionOutcome } from "../../lib/claims/quote-corrections";
import { claimsMap } from "../../lib/claims/story-claims";
import { recordClaimAssignment } from "../../lib/story-doc/claim-assignments";
import { recordSourceRevision } from "../../lib/story-doc/source-revisions";
import { importedSummarySchema, summaryText, writeSummaryParagraphs } from "../../lib/story-doc/summary";
import { isServiceToken } from "../auth/collab-token";
import { StoryNotFoundError, type Persistence } from "./persistence";
import { QuarantinedError } from "./room";
import type { Rooms } from "./rooms";

const STATE = /^\/internal\/stories\/([A-Za-z0-9_-]{1,64})\/state$/;
const CLAIM_STATUS = /^\/internal\/stories\/([A-Za-z0-9_-]{1,64})\/claims\/([A-Za-z0-9_-]{1,64})\/status$/;
const ASSIGNMENT = /^\/internal\/stories\/([A-Za-z0-9_-]{1,64})\/claims\/([A-Za-z0-9_-]{1,64})\/assignment$/;
const REANCHOR = /^\/internal\/stories\/([A-Za-z0-9_-]{1,64})\/sources\/([A-Za-z0-9_-]{1,64})\/reanchor$/;
const SUMMARY = /^\/internal\/stories\/([A-Za-z0-9_-]{1,64})\/summary$/;
const statusBody = z.object({ status: claimStatusSchema });
const assignmentBody = z.object({
  assignee: z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(200) }).nullable(),
});
const summaryBody = z.object({ paragraphs: importedSummarySchema });
const MAX_BODY_BYTES = 4_096;
const MAX_SUMMARY_BODY_BYTES = 1024 * 1024;

/** What `POST …/sources/:sourceId/reanchor` answers: the revision the quotes now rest on, and what it did to them. */
export interface ReanchorReply {
  revision: number;
  /** Null for a source's first revision, which no quote can have been taken from before. */
  outcome: SourceCorrectionOutcome | null;
}

/**
 * The collaboration server's internal endpoints, for the Next app only (a service token signed with the
 * shared secret): `GET /internal/stories/:id/state` returns the live document as one Yjs update, and
 * `POST /internal/stories/:id/claims/:claimId/status` writes a recorded review decision into the live
 * document so that every open workspace shows it, `POST …/claims/:claimId/assignment` does the same for a
 * recorded assignment (`{ assignee: { id, name } | null }`), `POST /internal/stories/:id/sources/:sourceId/reanchor`
 * re-anchors the quotes taken from a source in its text as stored now (read here, so that of two late calls
 * neither can anchor quotes to an older text; repeating it changes nothing) and records the revision in the
 * document for open workspaces, and `POST /internal/stories/:id/summary` writes an imported summary into a
 * draft whose summary is empty. Returns false for any other path.
 */
export async function handleInternalRequest(
  request: IncomingMessage,
  response: ServerResponse,
  { rooms, persistence }: { rooms: Rooms; persistence: Persistence },
  secret: string,
): Promise<boolean> {
  const path = new URL(request.url ?? "/", "http://collab.invalid").pathname;
  const state = STATE.exec(path);
  const claimStatus = CLAIM_STATUS.exec(path);
  const assignment = ASSIGNMENT.exec(path);
  const reanchor = REANCHOR.exec(path);
  const summary = SUMMARY.exec(path);
  if (!state && !claimStatus && !assignment && !reanchor && !summary) return false;

  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
  if (!token || !(await isServiceToken(token, secret)))
    return reply(response, 401, { error: "service token required" });

  try {
    if (state?.[1] && request.method === "GET") {
      const update = await rooms.readDocument(state[1]);
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
    if (assignment?.[1] && assignment[2] && request.method === "POST") {
      const body = assignmentBody.safeParse(await readJson(request));
      if (!body.success) return reply(response, 400, { error: "expected { assignee }" });
      const [, storyId, claimId] = assignment;
      const { assignee } = body.data;
      const found = await rooms.withDocument(storyId, (doc) => {
        if (!(claimsMap(doc).get(claimId) instanceof Y.Map)) return false;
        recordClaimAssignment(doc, claimId, assignee && { assigneeId: assignee.id, assigneeName: assignee.name });
        return true;
      });
      return found ? reply(response, 200, { ok: true }) : reply(response, 404, { error: "no such claim" });
    }
    if (reanchor?.[1] && reanchor[2] && request.method === "POST") {
      const [, storyId, sourceId] = reanchor;
      const source = await persistence.loadSource(storyId, sourceId);
      if (!source) return reply(response, 404, { error: "no such source" });
      // Loaded with the first correction, not at start: re-anchoring and its fuzzy matcher are ~2 MB the
      // collaboration process otherwise holds for a request most processes never serve.
      const { applySourceCorrection } = await import("../../lib/claims/quote-corrections");
      const answer = await rooms.withDocument(storyId, (doc): ReanchorReply =>
        doc.transact(() => {
          recordSourceRevision(doc, sourceId, source.revision);
          const outcome =
            source.revision > 1 ? applySourceCorrection(doc, sourceId, source.text, source.revision) : null;
          return { revision: source.revision, outcome };
        }),
      );
      return reply(response, 200, answer);
    }
    if (summary?.[1] && request.method === "POST") {
      const body = summaryBody.safeParse(await readJson(request, MAX_SUMMARY_BODY_BYTES));
      if (!body.success) return reply(response, 400, { error: "expected { paragraphs }" });
      const paragraphs = body.data.paragraphs;
      const written = await rooms.withDocument(summary[1], (doc) => {
        if (summaryText(doc).plain.trim().length > 0) return false;
        writeSummaryParagraphs(doc, paragraphs);
        return true;
      });
      return reply(response, 200, { written });
    }
    return reply(response, 405, { error: "method not allowed" });
  } catch (error) {
    if (error instanceof StoryNotFoundError) return reply(response, 404, { error: "no such story" });
    if (error instanceof QuarantinedError) {
      return reply(response, 423, {
        error: `The story's draft is quarantined: ${error.message}. An administrator must repair it.`,
      });
    }
    throw error;
  }
}

function reply(response: ServerResponse, status: number, body: unknown): true {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
  return true;
}

async function readJson(request: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return null;
  }
}
