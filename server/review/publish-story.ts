import { gzipSync } from "node:zlib";
import * as Y from "yjs";
import * as z from "zod";
import { can } from "../../lib/auth/policy";
import type { Role } from "../../lib/auth/roles";
import { biasLabelSchema } from "../../lib/import/bias-label";
import { summaryText } from "../../lib/story-doc/summary";
import type { VersionContent } from "../../lib/versions/version-content";
import { writeAuditEvent } from "../audit/write-audit-event";
import { announceEvent } from "../notifications/announce-event";
import type { CollabClient } from "../collab/collab-client";
import type { PrismaClient } from "../db/create-prisma";
import { isUniqueViolation } from "../db/prisma-errors";
import { RequestError } from "../http/request-error";
import { reviewStory } from "./story-review";

export const publishInputSchema = z.object({
  /** What changed since the previous version; required from the second version on. */
  correctionNote: z.string().trim().max(2_000).optional(),
});
export type PublishInput = z.infer<typeof publishInputSchema>;

/**
 * Publishes a story: when every claim is approved (as recorded) and every quote verifies, writes the next
 * numbered Version (summary, claims with spans, quotes with their selectors recomputed from the sources' text,
 * quoted sources with content hashes, approvals, Yjs state) and an audit event in one transaction. Two concurrent
 * publishes get two consecutive numbers or a refusal: the (story, number) pair is unique, and a publish that loses
 * the race retries on the new state.
 * @throws RequestError (403 role, 404 story, 422 blockers or a missing correction note).
 */
export async function publishStory(
  deps: { prisma: PrismaClient; collab: CollabClient },
  user: { id: string; role: Role },
  storyId: string,
  input: PublishInput,
): Promise<{ number: number }> {
  if (!can(user.role, "publish")) throw new RequestError(403, "Only reviewers and admins publish.");
  const story = await deps.prisma.story.findUnique({ where: { id: storyId }, select: { id: true, title: true } });
  if (!story) throw new RequestError(404, "No such story.");
  const doc = await deps.collab.liveDocument(storyId);
  const review = await reviewStory(deps.prisma, storyId, doc);
  if (review.blockers.length > 0) throw new RequestError(422, "The story cannot be published yet.", review.blockers);

  const quotedSourceIds = new Set(
    review.claims.flatMap((reviewed) => reviewed.claim.quotes.map((quote) => quote.sourceId)),
  );
  const sources = await deps.prisma.source.findMany({ where: { storyId, id: { in: [...quotedSourceIds] } } });
  const content: VersionContent = {
    summary: summaryText(doc).plain,
    claims: review.claims.map(({ claim, span, review: state, quotes }) => {
      const decision = state.decision;
      if (!span || !decision || decision.decision !== "approved" || !decision.verdict) {
        throw new RequestError(422, "A claim lost its approval while publishing; try again.");
      }
      return {
        id: claim.id,
        text: span.text,
        start: span.start,
        end: span.end,
        verdict: decision.verdict,
        approvedBy: decision.decidedBy,
        approvedAt: decision.decidedAt,
        // The selector recomputed from the source, never the document's: any editor can rewrite the context there.
        quotes: quotes.map(({ quote, selector }) => {
          if (!selector) throw new RequestError(422, "A quote does not verify against its source.");
          return { id: quote.id, sourceId: quote.sourceId, selector, stance: quote.stance, note: quote.note };
        }),
      };
    }),
    sources: sources.map((source) => ({
      id: source.id,
      outlet: source.outlet,
      url: source.url,
      headline: source.headline,
      author: source.author,
      publishedAt: source.publishedAt?.toISOString() ?? null,
      statedAge: source.statedAge,
      reliabilityLabel: source.reliabilityLabel,
      biasLabel: biasLabelSchema.catch("unknown").parse(source.biasLabel),
      contentHash: source.contentHash,
    })),
  };
  // Gzip: a Yjs update compresses well, and the driver adapter copies every byte of a Bytes column twice.
  const yState = Uint8Array.from(gzipSync(Y.encodeStateAsUpdate(doc)));
  const serialised = JSON.stringify(content);

  // Optimistic numbering: the next number is read first and the (story, number) pair is unique, so of two
  // concurrent publishes one fails on the constraint and tries again with the new latest version in view.
  for (let attempt = 0; ; attempt++) {
    const previous = await deps.prisma.version.findFirst({
      where: { storyId },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const number = (previous?.number ?? 0) + 1;
    if (previous && !input.correctionNote) {
      throw new RequestError(422, `Version ${previous.number} is published: say what changed in a correction note.`);
    }
    try {
      const [, event] = await deps.prisma.$transaction([
        deps.prisma.version.create({
          data: {
            storyId,
            number,
            title: story.title,
            content: serialised,
            yState,
            correctionNote: previous ? (input.correctionNote ?? null) : null,
            publishedById: user.id,
          },
        }),
        writeAuditEvent(deps.prisma, {
          storyId,
          actorId: user.id,
          action: "story.published",
          subject: String(number),
          reason: input.correctionNote ?? "",
        }),
        deps.prisma.story.update({ where: { id: storyId }, data: { status: "published" } }),
      ]);
      await announceEvent(deps.prisma, event);
      return { number };
    } catch (error) {
      if (attempt < 5 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
