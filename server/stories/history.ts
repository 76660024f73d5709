import "server-only";
import { versionContentSchema, type VersionContent } from "@/lib/versions/version-content";
import { prisma } from "../db/prisma";

/** A story's published versions, newest first, and its audit log, newest first. */
export async function storyHistory(storyId: string) {
  const [versions, audit] = await Promise.all([
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
