import "server-only";
import { translator, type Translator } from "@/lib/i18n/translate";
import { coverageOf } from "@/lib/reader/coverage";
import { readerClaims, type ReaderClaim } from "@/lib/reader/reader-claims";
import { versionContentSchema } from "@/lib/versions/version-content";
import type { PrismaClient } from "../db/create-prisma";
import { prisma } from "../db/prisma";

/** A published claim as an embed shows it: the claim ready for a reader, and the check it belongs to. */
export interface EmbeddedClaim {
  claim: ReaderClaim;
  story: { slug: string; title: string; number: number; publishedAt: Date; latestNumber: number };
}

/** A claim id as the documents write them (lib/claims/claim-schema.ts); anything else is not looked up. */
const CLAIM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Which story each published claim belongs to, for one database: built from every version once per process, then
 * brought up to date with the versions published since (`through`) when an id is not in it, at most once a
 * second, so a claim published by any process is found within a second and a flood of unknown ids costs one
 * small query a second. A claim never moves to another story, so nothing in it is ever wrong, only missing.
 */
interface ClaimIndex {
  storyOfClaim: Map<string, string>;
  /** The newest publication time read; versions at or after it are read again (the same instant may hold more). */
  through: Date | null;
  checkedAt: number;
  refreshing: Promise<void> | null;
}

const indexes = new WeakMap<PrismaClient, ClaimIndex>();
const REFRESH_AFTER_MS = 1000;
/** Versions read per query while building (SQLite's parameter limit is not involved; memory is). */
const PAGE = 500;

/** The story id of a published claim, from the index (brought up to date when the id is not in it). */
async function storyOfClaim(db: PrismaClient, claimId: string): Promise<string | undefined> {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = { storyOfClaim: new Map(), through: null, checkedAt: 0, refreshing: null }));
  const known = index.storyOfClaim.get(claimId);
  if (known) return known;
  if (index.refreshing) await index.refreshing;
  else if (Date.now() - index.checkedAt >= REFRESH_AFTER_MS) {
    index.refreshing = catchUp(db, index).finally(() => {
      index.refreshing = null;
    });
    await index.refreshing;
  }
  return index.storyOfClaim.get(claimId);
}

/** Adds the claims of every version published at or after the index's `through` (all of them the first time). */
async function catchUp(db: PrismaClient, index: ClaimIndex): Promise<void> {
  index.checkedAt = Date.now();
  let after: string | null = null;
  for (;;) {
    const versions: Array<{ id: string; storyId: string; publishedAt: Date; content: string }> =
      await db.version.findMany({
        where: index.through ? { publishedAt: { gte: index.through } } : {},
        orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
        select: { id: true, storyId: true, publishedAt: true, content: true },
        take: PAGE,
        ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      });
    for (const version of versions) {
      for (const id of claimIdsOf(version.content)) index.storyOfClaim.set(id, version.storyId);
      if (!index.through || version.publishedAt > index.through) index.through = version.publishedAt;
    }
    if (versions.length < PAGE) return;
    after = versions.at(-1)!.id;
  }
}

/** The claim ids of a stored version's content; none when it does not parse (it is validated where it is shown). */
function claimIdsOf(content: string): string[] {
  const parsed = versionContentSchema.shape.claims.safeParse((JSON.parse(content) as { claims?: unknown }).claims);
  return parsed.success ? parsed.data.map((claim) => claim.id) : [];
}

/**
 * A claim by its id among published versions, labelled in `t`'s language: as the newest version of its story that
 * holds it (the latest version, unless a correction removed the claim). Null when no published version holds it.
 *
 * Versions keep their claims inside `Version.content` (a JSON text), with no table of claims to look an id up in:
 * the process keeps an index of claim id → story (storyOfClaim above), so a lookup reads only that story's
 * versions holding the id, and an id no published version has reads nothing but, at most once a second, the
 * versions published since the index was last brought up to date.
 */
export async function findPublishedClaim(
  claimId: string,
  db: PrismaClient = prisma(),
  t: Translator = translator("en"),
): Promise<EmbeddedClaim | null> {
  if (!CLAIM_ID.test(claimId)) return null;
  const storyId = await storyOfClaim(db, claimId);
  if (!storyId) return null;
  const candidates = await db.version.findMany({
    where: { storyId, content: { contains: JSON.stringify(claimId) } },
    orderBy: { number: "desc" },
    select: {
      number: true,
      title: true,
      content: true,
      publishedAt: true,
      story: { select: { slug: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } } } },
    },
  });
  for (const version of candidates) {
    const content = versionContentSchema.parse(JSON.parse(version.content));
    const claim = readerClaims(content, coverageOf(content), t).find((candidate) => candidate.id === claimId);
    if (!claim) continue;
    return {
      claim,
      story: {
        slug: version.story.slug,
        title: version.title,
        number: version.number,
        publishedAt: version.publishedAt,
        latestNumber: version.story.versions[0]?.number ?? version.number,
      },
    };
  }
  return null;
}
