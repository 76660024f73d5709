import "server-only";
import { LRUCache } from "lru-cache";
import { Limiter } from "@/lib/async/limiter";
import type { PrismaClient } from "../db/create-prisma";
import type { StoryReview } from "./story-review";

/**
 * A story as the lists select it, without its draft's bytes: when the story last changed (importing or removing a
 * source changes it), its compacted state's version and its log's rows. Every accepted edit is a log row before
 * anyone sees it, and a compaction folds rows into a new version, so these change whenever the draft does
 * (server/collab/persistence.ts).
 */
export interface DraftRef {
  id: string;
  updatedAt: Date;
  document: { version: number } | null;
  updates: Array<{ id: string }>;
}

/** What the lists select of a story for its DraftRef, with the times the home shows (no bytes). */
export const DRAFT_REF_SELECT = {
  updatedAt: true,
  document: { select: { version: true, updatedAt: true } },
  updates: { select: { id: true, createdAt: true } },
} as const;

/**
 * How much the kept reviews may hold in all, counted as their claims' JSON (characters): a few thousand stories of
 * a dozen claims with their quotes and threads. A story beyond that is reviewed on each view, as every story was
 * before reviews were kept.
 */
const KEPT_CHARACTERS = 32_000_000;
/**
 * How long a review is kept at most: what the inputs do not show goes stale no longer than this. That is the
 * collaboration server's verdict on a live draft (after an upgrade with a stricter write policy or lower limits
 * it may refuse one it served) and a database changed by hand.
 */
const KEPT_MS = 10 * 60 * 1000;
/** How many stories are reviewed at once when the kept reviews do not have them (the first view after a start). */
const REVIEWS_AT_ONCE = 8;

const kept = new LRUCache<string, { inputs: string; review: StoryReview }>({
  maxSize: KEPT_CHARACTERS,
  sizeCalculation: ({ review }) => JSON.stringify(review.claims).length + 1,
  ttl: KEPT_MS,
});
const reviewing = new Limiter(REVIEWS_AT_ONCE);

/**
 * Where a list reads drafts: the collaboration server's live document, which it refuses to serve when it fails
 * the write policy, or the stored draft, read from the database as it is. Their reviews are kept apart.
 */
export type DraftSource = "live" | "stored";

/**
 * Each story's review (see reviewStory), in the order given: the one kept from an earlier view when nothing it
 * reads has changed since (its draft, sources, decisions and claim activity), else made now by `review` and
 * kept. The newsroom's home and the review queue list every story on every view; most stories have not changed
 * between two views, and reviewing one reads its whole draft and its sources' texts. Reviews that decide
 * something (a decision, publishing) are never taken from here.
 *
 * The inputs are read before any review is made: a review made from a newer draft is kept under the older
 * inputs, and is made again at the next view (never the other way round: the collaboration server does not hand
 * a read it began earlier to a later caller, Rooms.readDocument). The reviews are shared by every view: callers
 * must not change them.
 */
export async function reviewsOf<S extends DraftRef>(
  db: PrismaClient,
  from: DraftSource,
  stories: readonly S[],
  review: (story: S) => Promise<StoryReview>,
): Promise<Array<PromiseSettledResult<StoryReview>>> {
  const inputsOf = await reviewInputs(db);
  return Promise.allSettled(
    stories.map(async (story) => {
      const key = `${from}:${story.id}`;
      const current = `${draftRef(story)}|${inputsOf(story.id)}`;
      const known = kept.get(key);
      if (known?.inputs === current) return known.review;
      const made = await reviewing.run(() => review(story));
      kept.set(key, { inputs: current, review: made });
      return made;
    }),
  );
}

function draftRef({ updatedAt, document, updates }: DraftRef): string {
  const rows = updates.map(({ id }) => id).sort();
  return `${updatedAt.getTime()}:${document?.version ?? "none"}:${rows.length}:${rows[0] ?? ""}:${rows.at(-1) ?? ""}`;
}

/**
 * For every story, what its review reads besides the draft, counted: its sources (a correction raises a
 * revision, a re-anchoring the anchored revision, and an import or a removal changes the story's updatedAt too;
 * the other fields the review reads never change), its decisions and its claim activity (their rows are only
 * ever added).
 */
async function reviewInputs(db: PrismaClient): Promise<(storyId: string) => string> {
  const [sources, decisions, activities] = await Promise.all([
    db.source.groupBy({ by: ["storyId"], _count: { _all: true }, _sum: { revision: true, anchoredRevision: true } }),
    db.claimDecision.groupBy({ by: ["storyId"], _count: { _all: true } }),
    db.claimActivity.groupBy({ by: ["storyId"], _count: { _all: true } }),
  ]);
  const byStory = <R extends { storyId: string }>(rows: R[], part: (row: R) => string) =>
    new Map(rows.map((row) => [row.storyId, part(row)]));
  const parts = [
    byStory(sources, (row) => `${row._count._all}:${row._sum.revision ?? 0}:${row._sum.anchoredRevision ?? 0}`),
    byStory(decisions, (row) => String(row._count._all)),
    byStory(activities, (row) => String(row._count._all)),
  ];
  return (storyId) => parts.map((part) => part.get(storyId) ?? "").join("|");
}
