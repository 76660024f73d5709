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

/** Which story a claim belongs to, once found: a claim never moves to another story. Bounded, oldest dropped. */
const storyOfClaim = new Map<string, string>();
const REMEMBERED_CLAIMS = 10_000;

/**
 * A claim by its id among published versions, labelled in `t`'s language: as the newest version of its story that holds it (the latest
 * version, unless a correction removed the claim). Null when no published version holds it.
 *
 * There is no table of published claims (versions store their claims inside `Version.content`, a JSON text), so
 * the first lookup of a claim searches every version's content for the id as a JSON string (`LIKE '%"id"%'`, a
 * scan of the whole table on SQLite and PostgreSQL alike), then parses the matches to be sure. The story found
 * is remembered in the process, so later lookups scan only that story's versions.
 */
export async function findPublishedClaim(
  claimId: string,
  db: PrismaClient = prisma(),
  t: Translator = translator("en"),
): Promise<EmbeddedClaim | null> {
  if (!CLAIM_ID.test(claimId)) return null;
  const knownStory = storyOfClaim.get(claimId);
  const candidates = await db.version.findMany({
    where: { content: { contains: JSON.stringify(claimId) }, ...(knownStory ? { storyId: knownStory } : {}) },
    orderBy: [{ publishedAt: "desc" }, { number: "desc" }],
    select: {
      storyId: true,
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
    remember(claimId, version.storyId);
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

function remember(claimId: string, storyId: string): void {
  storyOfClaim.delete(claimId);
  storyOfClaim.set(claimId, storyId);
  if (storyOfClaim.size > REMEMBERED_CLAIMS) storyOfClaim.delete(storyOfClaim.keys().next().value!);
}
