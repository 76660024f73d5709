import "server-only";
import * as z from "zod";
import {
  indexPublishedClaims,
  rankPublishedClaims,
  type CheckedBeforeMatch,
  type PublishedClaimIndex,
} from "@/lib/assistant/checked-before";
import { can } from "@/lib/auth/policy";
import { VERDICT_TEXT } from "@/lib/review/review-state";
import { versionContentSchema } from "@/lib/versions/version-content";
import type { SessionUser } from "../auth/session";
import type { PrismaClient } from "../db/create-prisma";
import { errorResponse } from "../http/error-response";

export type { CheckedBeforeMatch } from "@/lib/assistant/checked-before";

/** What the route accepts: the draft's claim words, and how many matches to return (3 when omitted). */
export const checkedBeforeQuerySchema = z.object({
  claim: z.string().trim().min(1, "Give the claim's words.").max(2_000, "A claim is at most 2,000 characters."),
  limit: z.coerce.number().int().min(1).max(10).default(3),
});

const storyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a story id.");

/** A published claim as indexed: its story, its words, and what the workspace is shown of it. */
interface IndexedClaim {
  storyId: string;
  text: string;
  shown: Omit<CheckedBeforeMatch, "resemblance" | "matchedTerms">;
}

/**
 * The index of the latest published version of every story, kept while no story publishes again: it is built
 * from every published claim's words, so it is rebuilt only when the set of latest versions changes.
 */
let cached: { key: string; published: PublishedClaimIndex<IndexedClaim> } | null = null;

async function publishedClaims(db: PrismaClient): Promise<PublishedClaimIndex<IndexedClaim>> {
  const latest = await db.story.findMany({
    where: { versions: { some: {} } },
    select: { id: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } },
    orderBy: { id: "asc" },
  });
  const key = latest.map((story) => story.versions[0]?.id).join(" ");
  if (cached?.key === key) return cached.published;
  const versions = await db.version.findMany({
    where: { id: { in: latest.flatMap((story) => story.versions.map((version) => version.id)) } },
    // The latest check first among claims that rank alike (the same words checked twice).
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    select: {
      storyId: true,
      number: true,
      title: true,
      content: true,
      publishedAt: true,
      story: { select: { slug: true } },
    },
  });
  const claims = versions.flatMap((version) => {
    const content = versionContentSchema.parse(JSON.parse(version.content));
    const outlets = new Map(content.sources.map((source) => [source.id, source.outlet]));
    return content.claims.map((claim): IndexedClaim => ({
      storyId: version.storyId,
      text: claim.text,
      shown: {
        slug: version.story.slug,
        title: version.title,
        version: version.number,
        publishedAt: version.publishedAt.toISOString(),
        claimId: claim.id,
        claimText: claim.text,
        verdict: claim.verdict,
        verdictText: VERDICT_TEXT[claim.verdict],
        evidence: claim.quotes.map((quote) => ({
          outlet: outlets.get(quote.sourceId) ?? null,
          exact: quote.selector.exact,
          stance: quote.stance,
        })),
        url: `/stories/${encodeURIComponent(version.story.slug)}/v/${version.number}#claim-${encodeURIComponent(claim.id)}`,
      },
    }));
  });
  const published = indexPublishedClaims(claims);
  cached = { key, published };
  return published;
}

/**
 * The claims of the latest published version of every other story that resemble `claimText`, best first
 * (lib/assistant/checked-before.ts ranks them with the assistant's BM25 index). A story's own versions are left
 * out; drafts are never read.
 */
export async function findCheckedBefore(
  db: PrismaClient,
  storyId: string,
  claimText: string,
  { limit = 3 }: { limit?: number } = {},
): Promise<CheckedBeforeMatch[]> {
  const published = await publishedClaims(db);
  // Ranked over every story, then this story's own claims dropped: the index is shared by all stories.
  const own = published.claims.filter((claim) => claim.storyId === storyId).length;
  const ranked = rankPublishedClaims(published, claimText, { limit: limit + own });
  return ranked
    .filter(({ claim }) => claim.storyId !== storyId)
    .slice(0, limit)
    .map(({ claim, resemblance, matchedTerms }) => ({ ...claim.shown, resemblance, matchedTerms }));
}

/**
 * GET /api/stories/<storyId>/checked-before?claim=…&limit=…: a signed-in newsroom member who may open the
 * workspace gets the published claims of other stories that resemble the claim. 401 signed out, 403 for a role
 * that may not open stories, 400 for a bad query, 404 for an unknown story.
 */
export async function checkedBeforeResponse(
  db: PrismaClient,
  user: SessionUser | null,
  storyId: string,
  query: URLSearchParams,
): Promise<Response> {
  if (!user) return Response.json({ error: "Sign in to open the workspace." }, { status: 401 });
  if (!can(user.role, "open_workspace"))
    return Response.json({ error: "Your role may not open stories." }, { status: 403 });
  try {
    const id = storyIdSchema.parse(storyId);
    const { claim, limit } = checkedBeforeQuerySchema.parse(Object.fromEntries(query));
    if (!(await db.story.findUnique({ where: { id }, select: { id: true } })))
      return Response.json({ error: "No such story." }, { status: 404 });
    const matches = await findCheckedBefore(db, id, claim, { limit });
    return Response.json({ matches }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
