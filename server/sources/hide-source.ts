import * as z from "zod";
import { can } from "../../lib/auth/policy";
import type { Role } from "../../lib/auth/roles";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { PrismaClient } from "../db/create-prisma";
import { RequestError } from "../http/request-error";

/** What the route receives: hide the source from the workspace, or show it there again. */
export const sourceVisibilitySchema = z.object({ hidden: z.boolean() }).strict();

/**
 * Hides a source from the story's workspace, or shows it there again, with an audit event. A hidden source stays
 * in the story (a published version may quote it, and quotes of the draft keep resting on it): it leaves the
 * workspace's list of sources and the assistant. This is what an editor does with a source they cannot remove.
 * @throws RequestError 403 (role), 404 (no such source in the story).
 */
export async function setSourceHidden(
  prisma: PrismaClient,
  user: { id: string; role: Role },
  storyId: string,
  sourceId: string,
  hidden: boolean,
  now = new Date(),
): Promise<void> {
  if (!can(user.role, "import_source"))
    throw new RequestError(403, "Only editors, reviewers and admins hide or show sources.");
  await prisma.$transaction(async (tx) => {
    const source = await tx.source.findFirst({
      where: { id: sourceId, storyId },
      select: { headline: true, outlet: true, hiddenAt: true },
    });
    if (!source) throw new RequestError(404, "No such source in this story.");
    if ((source.hiddenAt !== null) === hidden) return;
    await tx.source.update({ where: { id: sourceId }, data: { hiddenAt: hidden ? now : null } });
    await writeAuditEvent(tx, {
      storyId,
      actorId: user.id,
      action: hidden ? "source.hidden" : "source.shown",
      subject: sourceId,
      data: { headline: source.headline, outlet: source.outlet },
    });
  });
}
