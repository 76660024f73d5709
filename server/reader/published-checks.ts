import "server-only";
import type { PublishedStoryVersions, PublishedVersion } from "@/lib/reader/feeds";
import type { PrismaClient } from "../db/create-prisma";
import { prisma } from "../db/prisma";
import { knownVersionContent, parsedVersionContent } from "../stories/published";
import { readerPageUrl } from "../stories/reader-page";

/** A story with a published version, and when and what each version was (not their content). */
export interface PublishedStoryIndex {
  storyId: string;
  slug: string;
  versions: Array<{ number: number; title: string; publishedAt: Date; correctionNote: string | null }>;
}

/**
 * Every story with a published version, the most recently published first, with its versions oldest first: what
 * the read API lists and the feeds are made of. Reads version metadata only; contents are read per version.
 */
export async function publishedStoryIndex(db: PrismaClient = prisma()): Promise<PublishedStoryIndex[]> {
  // Raw SQL, the same on SQLite and PostgreSQL: every front page, outlet page, feed and API list reads this, and
  // through Prisma's query builder it cost several times the CPU (server/stories/published.ts says more).
  const rows = await db.$queryRaw<
    Array<{
      storyId: string;
      slug: string;
      number: number | bigint;
      title: string;
      publishedAt: Date | string | number;
      correctionNote: string | null;
    }>
  >`SELECT v."storyId", s."slug", v."number", v."title", v."publishedAt", v."correctionNote"
    FROM "Version" v JOIN "Story" s ON s."id" = v."storyId"
    ORDER BY v."storyId", v."number"`;
  const stories = new Map<string, PublishedStoryIndex>();
  for (const row of rows) {
    const story = stories.get(row.storyId) ?? { storyId: row.storyId, slug: row.slug, versions: [] };
    story.versions.push({
      number: Number(row.number),
      title: row.title,
      publishedAt: new Date(row.publishedAt),
      correctionNote: row.correctionNote,
    });
    stories.set(row.storyId, story);
  }
  const latest = (story: PublishedStoryIndex) => story.versions.at(-1)!.publishedAt.getTime();
  return [...stories.values()].sort((a, b) => latest(b) - latest(a) || a.slug.localeCompare(b.slug));
}

/** Versions whose contents one query reads. */
const CONTENTS_PER_QUERY = 500;

/** Stored versions of stories with their contents, keyed by story id, then by number (one query). */
async function versionContents(
  wanted: ReadonlyArray<{ storyId: string; number: number }>,
  db: PrismaClient,
): Promise<Map<string, Map<number, PublishedVersion["content"]>>> {
  const byStory = new Map<string, Map<number, PublishedVersion["content"]>>();
  const keep = (storyId: string, number: number, content: PublishedVersion["content"]) => {
    const versions = byStory.get(storyId) ?? new Map<number, PublishedVersion["content"]>();
    versions.set(number, content);
    byStory.set(storyId, versions);
  };
  // A version never changes: those this process has parsed are not read again.
  const unread = wanted.filter(({ storyId, number }) => {
    const known = knownVersionContent(storyId, number);
    if (known) keep(storyId, number, known);
    return !known;
  });
  // In slices: each wanted version is two parameters of one statement, and SQLite allows 32,766.
  for (let at = 0; at < unread.length; at += CONTENTS_PER_QUERY) {
    const rows = await db.version.findMany({
      where: { OR: unread.slice(at, at + CONTENTS_PER_QUERY).map(({ storyId, number }) => ({ storyId, number })) },
      select: { storyId: true, number: true, content: true },
    });
    for (const row of rows) keep(row.storyId, row.number, parsedVersionContent(row.storyId, row.number, row.content));
  }
  return byStory;
}

/**
 * The stories of `index` with the versions `pick` chooses of each, contents read: for the feeds (every version,
 * or the latest) and the API's list (the latest).
 */
export async function withContents(
  index: readonly PublishedStoryIndex[],
  pick: (versions: PublishedStoryIndex["versions"]) => PublishedStoryIndex["versions"],
  db: PrismaClient = prisma(),
): Promise<PublishedStoryVersions[]> {
  const chosen = index.map((story) => ({ story, versions: pick(story.versions) }));
  const contents = await versionContents(
    chosen.flatMap(({ story, versions }) => versions.map(({ number }) => ({ storyId: story.storyId, number }))),
    db,
  );
  return chosen.map(({ story, versions }) => ({
    slug: story.slug,
    versions: versions.map((version) => ({
      ...version,
      slug: story.slug,
      content: contents.get(story.storyId)!.get(version.number)!,
      versionUrl: readerPageUrl(story.slug, version.number),
      storyUrl: readerPageUrl(story.slug),
    })),
  }));
}
