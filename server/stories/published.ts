import "server-only";
import { LRUCache } from "lru-cache";
import type { PublishedVersion } from "@/lib/reader/feeds";
import { versionContentSchema, type VersionContent } from "@/lib/versions/version-content";
import type { PrismaClient } from "../db/create-prisma";
import { prisma } from "../db/prisma";

/** A published version of a story as readers see it, with what was published after it. */
export interface PublishedStory extends Omit<PublishedVersion, "versionUrl" | "storyUrl"> {
  latestNumber: number;
  /** Versions after this one, oldest first, with their correction notes. */
  later: Array<{ number: number; publishedAt: Date; correctionNote: string | null }>;
}

/**
 * A story's published version `number` (the latest when omitted), read from the stored Version alone,
 * never from the live draft. Null when the story does not exist or has no such published version.
 */
export async function readPublishedStory(
  slug: string,
  number?: number,
  db: PrismaClient = prisma(),
): Promise<PublishedStory | null> {
  const versions = await recentVersionsOf(db, slug);
  const latest = versions.at(-1);
  if (!latest) return null;
  const version = await storedVersion(db, latest.storyId, number ?? latest.number);
  if (!version) return null;
  return {
    slug,
    ...version,
    latestNumber: latest.number,
    later: versions
      .filter((candidate) => candidate.number > version.number)
      .map(({ number, publishedAt, correctionNote }) => ({ number, publishedAt, correctionNote })),
  };
}

type VersionList = Array<{ storyId: string; number: number; publishedAt: Date; correctionNote: string | null }>;

/**
 * A story's version lists read in the last VERSION_LIST_MS, by database and slug: under load, a reader page is
 * then rendered from memory without waiting for the database, which is what a page that waits costs most for
 * (bench/RESULTS.md, issue 17). A publish shows on the reader pages at most that long later. Bounded.
 */
const recentLists = new WeakMap<PrismaClient, Map<string, { at: number; list: Promise<VersionList> }>>();
const VERSION_LIST_MS = 250;
const RECENT_LISTS = 1000;

/** publishedVersionsOf, shared by the requests of the last VERSION_LIST_MS (a failed read is not kept). */
function recentVersionsOf(db: PrismaClient, slug: string): Promise<VersionList> {
  let lists = recentLists.get(db);
  if (!lists) recentLists.set(db, (lists = new Map()));
  const now = Date.now();
  const recent = lists.get(slug);
  if (recent && now - recent.at < VERSION_LIST_MS) return recent.list;
  const list = publishedVersionsOf(db, slug);
  lists.delete(slug);
  lists.set(slug, { at: now, list });
  list.catch(() => lists.delete(slug));
  if (lists.size > RECENT_LISTS) lists.delete(lists.keys().next().value!);
  return list;
}

/**
 * A story's published versions, oldest first, without their contents: the one read every reader page makes (the
 * list changes when a version is published; each version does not). Raw SQL, the same on SQLite and PostgreSQL:
 * through Prisma's query builder this read cost ten times the CPU (1.3 ms against 0.13 ms on SQLite on the
 * 2-core machine), a large share of a reader page's own work. Empty for an unknown slug.
 */
async function publishedVersionsOf(db: PrismaClient, slug: string): Promise<VersionList> {
  const rows = await db.$queryRaw<
    Array<{
      storyId: string;
      number: number | bigint;
      publishedAt: Date | string | number;
      correctionNote: string | null;
    }>
  >`SELECT v."storyId", v."number", v."publishedAt", v."correctionNote"
    FROM "Version" v JOIN "Story" s ON s."id" = v."storyId"
    WHERE s."slug" = ${slug}
    ORDER BY v."number"`;
  return rows.map((row) => ({
    storyId: row.storyId,
    number: Number(row.number),
    publishedAt: new Date(row.publishedAt),
    correctionNote: row.correctionNote,
  }));
}

type StoredVersion = Pick<PublishedStory, "title" | "number" | "publishedAt" | "correctionNote" | "content">;

/**
 * How much of the database's published JSON the parsed versions below may stand for, and how many of them: a
 * version never changes once published (a correction is a new number), so a parsed one is kept until it is the
 * least recently read and the bound needs its place. The pages made from a version (server/reader/
 * once-per-version.ts) go with it, at most eight, each a few times its JSON: so this bounds them too.
 */
const PARSED_JSON_CHARACTERS = 16 * 1024 * 1024;
const PARSED_VERSIONS = 500;

/** A cache of what was parsed from versions' JSON, weighed by the length of that JSON. */
function parsedCache<T extends object>(): LRUCache<string, T> {
  return new LRUCache<string, T>({ max: PARSED_VERSIONS, maxSize: PARSED_JSON_CHARACTERS });
}

/**
 * Parsed versions by story id and number; the story's list of versions, which does change, is read on every
 * request (shared for a moment: versionList above).
 */
const parsedVersions = parsedCache<StoredVersion>();

/** A stored version, read and parsed once per process (a miss, absent versions included, asks the database). */
async function storedVersion(db: PrismaClient, storyId: string, number: number): Promise<StoredVersion | null> {
  const key = `${storyId}/${number}`;
  const known = parsedVersions.get(key);
  if (known) return known;
  const version = await db.version.findUnique({
    where: { storyId_number: { storyId, number } },
    select: { number: true, title: true, content: true, publishedAt: true, correctionNote: true },
  });
  if (!version) return null;
  const parsed = { ...version, content: parsedVersionContent(storyId, number, version.content) };
  parsedVersions.set(key, parsed, { size: version.content.length });
  return parsed;
}

/** Parsed contents by story id and number, for the lists and feeds (which read no title or note), as above. */
const parsedContents = parsedCache<VersionContent>();

/** A version's parsed content if this process has parsed it already (see parsedVersionContent). */
export function knownVersionContent(storyId: string, number: number): VersionContent | undefined {
  return parsedContents.get(`${storyId}/${number}`);
}

/**
 * A stored version's content parsed (and validated), once per process: a version never changes, so the parse of
 * its JSON is kept within the bounds above. Throws as the schema does.
 */
export function parsedVersionContent(storyId: string, number: number, json: string): VersionContent {
  const key = `${storyId}/${number}`;
  const known = parsedContents.get(key);
  if (known) return known;
  const content = versionContentSchema.parse(JSON.parse(json));
  parsedContents.set(key, content, { size: json.length });
  return content;
}
