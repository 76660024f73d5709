import "server-only";
import { describeAuditEvent } from "@/lib/audit/describe-audit-event";
import { versionContentSchema, type VersionContent } from "@/lib/versions/version-content";
import { prisma } from "../db/prisma";

/** One line of a story's audit log: when, who, what (lib/audit/describe-audit-event.ts) and why. */
export interface AuditLine {
  id: string;
  at: Date;
  actor: { name: string };
  /** "approved a claim", "published version 2", …: what the actor did. */
  description: string;
  /** The reason given (a decision's, a correction note), or "". */
  reason: string;
}

/** A story's published versions, newest first, and its audit log (the latest 200 lines), newest first. */
export async function storyHistory(storyId: string) {
  const [versions, rows] = await Promise.all([
    prisma().version.findMany({
      where: { storyId },
      orderBy: { number: "desc" },
      select: { number: true, publishedAt: true, correctionNote: true, publishedBy: { select: { name: true } } },
    }),
    prisma().auditEvent.findMany({
      where: { storyId },
      orderBy: { at: "desc" },
      take: 200,
      select: {
        id: true,
        action: true,
        subject: true,
        reason: true,
        data: true,
        at: true,
        actor: { select: { name: true } },
      },
    }),
  ]);
  const audit: AuditLine[] = rows.map(({ id, at, actor, reason, ...stored }) => ({
    id,
    at,
    actor,
    description: describeAuditEvent(stored),
    reason,
  }));
  return { versions, audit };
}

/** The content of one published version, or null when the story has no such version. */
export async function versionContent(storyId: string, number: number): Promise<VersionContent | null> {
  const version = await prisma().version.findUnique({
    where: { storyId_number: { storyId, number } },
    select: { content: true },
  });
  return version ? versionContentSchema.parse(JSON.parse(version.content)) : null;
}
