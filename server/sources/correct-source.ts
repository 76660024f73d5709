import * as z from "zod";
import { can } from "../../lib/auth/policy";
import type { Role } from "../../lib/auth/roles";
import type { SourceCorrectionOutcome } from "../../lib/claims/quote-corrections";
import { sha256Hex } from "../../lib/hashing/sha256";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { CollabClient } from "../collab/collab-client";
import { CollabUnavailableError } from "../collab/collab-client";
import type { ReanchorReply } from "../collab/internal-api";
import type { PrismaClient } from "../db/create-prisma";
import { isRecordNotFound, isUniqueViolation } from "../db/prisma-errors";
import { RequestError } from "../http/request-error";
import { announceQuotesNeedingAttention } from "../notifications/quote-attention";
import { sourceTextSchema } from "./import-sources";

/** A correction as the form submits it: the whole corrected text and why. */
export const correctionInputSchema = z.object({
  text: sourceTextSchema,
  note: z.string().trim().min(1, "Say what was corrected, for the record.").max(2_000),
  /** The revision the editor corrected; another editor's correction in between is not overwritten. */
  basedOn: z.number().int().min(1),
});

type Deps = { prisma: PrismaClient; collab: CollabClient };
type Actor = { id: string; role: Role };

/** What a correction did: the new revision, and what became of the quotes (null when not re-anchored yet). */
export interface CorrectionResult {
  revision: number;
  outcome: SourceCorrectionOutcome | null;
  /** Set when the revision is stored but the collaboration server could not re-anchor the quotes now. */
  pending?: string;
}

/**
 * Stores a corrected text of a source as its next revision (the old ones are kept), then re-anchors every
 * quote taken from it in the live draft (lib/claims/quote-corrections.ts). When the collaboration server is
 * unreachable the revision is kept and `pending` says so; reanchorSource finishes the work later, and until
 * then the source's anchored revision is behind, which blocks publishing.
 * @throws RequestError 403, 404, 409 when the text is unchanged, identical to another source, or another
 * correction came first; ZodError for invalid input.
 */
export async function correctSource(
  deps: Deps,
  user: Actor,
  storyId: string,
  sourceId: string,
  input: unknown,
): Promise<CorrectionResult> {
  if (!can(user.role, "correct_source"))
    throw new RequestError(403, "Only editors, reviewers and admins correct sources.");
  const correction = correctionInputSchema.parse(input);
  const source = await findSource(deps.prisma, storyId, sourceId);
  if (source.revision !== correction.basedOn) {
    throw new RequestError(
      409,
      `Someone else corrected this source meanwhile (now revision ${source.revision}): reload it and correct again.`,
    );
  }
  const contentHash = await sha256Hex(correction.text);
  if (contentHash === source.contentHash) throw new RequestError(409, "The text is unchanged: nothing to correct.");
  const revision = source.revision + 1;
  try {
    await deps.prisma.$transaction([
      deps.prisma.source.update({
        // The revision in the condition makes a concurrent correction of the same revision fail here.
        where: { id: sourceId, revision: source.revision },
        data: { text: correction.text, contentHash, revision },
      }),
      deps.prisma.sourceRevision.create({
        data: {
          sourceId,
          number: revision,
          text: correction.text,
          contentHash,
          note: correction.note,
          createdById: user.id,
        },
      }),
      writeAuditEvent(deps.prisma, {
        storyId,
        actorId: user.id,
        action: "source.corrected",
        subject: sourceId,
        reason: correction.note,
        data: { revision },
      }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) {
      const other = await deps.prisma.source.findFirst({ where: { storyId, contentHash }, select: { id: true } });
      throw new RequestError(
        409,
        other && other.id !== sourceId
          ? "Another source of this story already has exactly this text."
          : "Someone else corrected this source meanwhile: reload it and correct again.",
      );
    }
    if (isRecordNotFound(error))
      throw new RequestError(409, "Someone else corrected this source meanwhile: reload it and correct again.");
    throw error;
  }
  return { revision, ...(await reanchor(deps, user.id, storyId, sourceId, revision)) };
}

/**
 * Re-anchors the quotes of a source in its current text: finishes a correction during which the
 * collaboration server could not be reached (the workspace asks for it when a source's quotes are behind its
 * revision). Repeating it changes nothing.
 * @throws RequestError 403, 404; CollabUnavailableError when the collaboration server is still unreachable.
 */
export async function reanchorSource(
  deps: Deps,
  user: Actor,
  storyId: string,
  sourceId: string,
): Promise<CorrectionResult> {
  if (!can(user.role, "correct_source"))
    throw new RequestError(403, "Only editors, reviewers and admins correct sources.");
  await findSource(deps.prisma, storyId, sourceId);
  const { revision, outcome } = await anchorQuotes(deps, user.id, storyId, sourceId);
  return { revision, outcome };
}

/** The correction's re-anchoring, or `pending` when the collaboration server cannot be reached now. */
async function reanchor(deps: Deps, actorId: string, storyId: string, sourceId: string, revision: number) {
  try {
    return { outcome: (await anchorQuotes(deps, actorId, storyId, sourceId)).outcome };
  } catch (error) {
    if (!(error instanceof CollabUnavailableError)) throw error;
    return {
      outcome: null,
      pending: `Revision ${revision} is saved, but its quotes could not be re-anchored yet (${error.message}). An open workspace will finish it; until then the story cannot be published.`,
    };
  }
}

/**
 * Has the collaboration server re-anchor a source's quotes in its stored text, then records that the live
 * draft's quotes rest on that revision (never moving back, if a later one came first), and tells whoever attached
 * a quote the correction left to verify again or lost.
 */
async function anchorQuotes(deps: Deps, actorId: string, storyId: string, sourceId: string): Promise<ReanchorReply> {
  const reply = await deps.collab.reanchorSource(storyId, sourceId);
  await deps.prisma.source.updateMany({
    where: { id: sourceId, anchoredRevision: { lt: reply.revision } },
    data: { anchoredRevision: reply.revision },
  });
  if (reply.outcome && reply.outcome.reverify + reply.outcome.orphaned > 0)
    await announceQuotesNeedingAttention(deps, actorId, storyId, sourceId, reply.revision);
  return reply;
}

async function findSource(prisma: PrismaClient, storyId: string, sourceId: string) {
  const source = await prisma.source.findFirst({
    where: { id: sourceId, storyId },
    select: { id: true, revision: true, contentHash: true },
  });
  if (!source) throw new RequestError(404, "No such source in this story.");
  return source;
}
