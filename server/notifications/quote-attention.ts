import { readAuditEvent } from "../../lib/audit/audit-events";
import { readClaims } from "../../lib/claims/story-claims";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { CollabClient } from "../collab/collab-client";
import type { PrismaClient } from "../db/create-prisma";
import { announceEvent } from "./announce-event";

/**
 * After a source's quotes were re-anchored in its revision `revision`: one `quote.needs_attention` audit event per
 * quote of that source that the correction left to verify again or lost (its `correction` in the live draft), which
 * tells whoever attached it (the server's stamp, lib/story-doc/authorship.ts). A quote already announced for that
 * revision is not announced again, so repeating the re-anchoring tells no one twice. Failures are logged: the
 * correction stands whatever happens here.
 * @returns the number of events written.
 */
export async function announceQuotesNeedingAttention(
  deps: { prisma: PrismaClient; collab: CollabClient },
  actorId: string,
  storyId: string,
  sourceId: string,
  revision: number,
  log: Pick<Console, "error"> = console,
): Promise<number> {
  try {
    const claims = readClaims(await deps.collab.liveDocument(storyId));
    const unsettled = claims.flatMap((claim) =>
      claim.quotes
        .filter((quote) => quote.sourceId === sourceId && quote.correction?.revision === revision)
        .map((quote) => ({ claimId: claim.id, quote, state: quote.correction!.state })),
    );
    if (unsettled.length === 0) return 0;
    const earlier = await deps.prisma.auditEvent.findMany({
      where: { storyId, action: "quote.needs_attention", subject: { in: unsettled.map(({ quote }) => quote.id) } },
    });
    const announced = new Set(
      earlier.flatMap((row) => {
        const event = readAuditEvent(row);
        return event?.action === "quote.needs_attention" ? [`${event.subject}@${event.data.revision}`] : [];
      }),
    );
    let written = 0;
    for (const { claimId, quote, state } of unsettled) {
      if (announced.has(`${quote.id}@${revision}`)) continue;
      const event = await writeAuditEvent(deps.prisma, {
        storyId,
        actorId,
        action: "quote.needs_attention",
        subject: quote.id,
        data: { claimId, sourceId, revision, state, addedById: quote.addedBy.id || null },
      });
      await announceEvent(deps.prisma, event, log);
      written += 1;
    }
    return written;
  } catch (error) {
    log.error(`Announcing the quotes that source ${sourceId} revision ${revision} left unsettled failed`, error);
    return 0;
  }
}
