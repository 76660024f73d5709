import "server-only";
import * as Y from "yjs";
import { can } from "@/lib/auth/policy";
import type { Role } from "@/lib/auth/roles";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/claims/claim-schema";
import { summaryText } from "@/lib/story-doc/summary";
import type { PrismaClient } from "../db/create-prisma";
import type { DatabaseProvider } from "../db/database-url";
import { prisma } from "../db/prisma";
import { DRAFT_REF_SELECT, reviewsOf } from "../review/kept-reviews";
import { reviewStory, type ReviewedClaim } from "../review/story-review";
import { UPDATED_WITHIN, type StoryFilters } from "./story-filters";
import { recordSummaryText, searchStoryIds } from "./story-search";

/** A claim of "my work": where it is, its words and its effective status, and the link that opens it. */
export interface WorkItem {
  storyTitle: string;
  claimId: string;
  /** The claim's words in the draft now; null when they were deleted from the summary. */
  text: string | null;
  status: ClaimStatus;
  href: string;
}

/** The signed-in person's work, for their home (components/stories/newsroom-home.tsx). */
export interface MyWork {
  /** Claims assigned to them that are still in the draft. */
  assigned: WorkItem[];
  /** Claims that need review and that they may decide (four eyes: never one they touched); empty for editors. */
  toReview: WorkItem[];
  /** Their latest mentions in claims' threads, newest first. */
  mentions: Array<WorkItem & { by: string; at: Date }>;
  /**
   * The stories they follow: those they created, touched a claim of (marked, quoted, edited), were assigned a claim
   * in, were mentioned in, or review; newest activity first.
   */
  following: Array<{ id: string; slug: string; title: string; status: string }>;
}

const claimHref = (slug: string, claimId: string) => `/stories/${slug}/edit?claim=${encodeURIComponent(claimId)}`;

/**
 * The newsroom's home for one person: the stories (newest activity first; those the filters keep), each with its
 * number of sources, its claims counted by effective status (from the stored draft and the recorded decisions),
 * its reviewer, the people its claims are assigned to and its latest version; and their own work (MyWork). A
 * story's stored draft is read only when it, or anything else its review reads, changed since an earlier view
 * (reviewsOf); reading it also brings its summary text for the search up to date (recordSummaryText). A story
 * whose stored draft cannot be read or reviewed is listed with `unreadable: true` and no counts (the error is
 * logged), so that one broken story never hides the others. The search (`filters.q`) runs on the database's
 * full-text engine (searchStoryIds).
 * @throws whatever the database throws when the stories cannot be listed.
 */
export async function loadNewsroomHome(
  db: PrismaClient,
  provider: DatabaseProvider,
  user: { id: string; role: Role },
  filters: StoryFilters = {},
  now = new Date(),
) {
  const stories = await db.story.findMany({
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      createdById: true,
      summaryText: true,
      reviewer: { select: { id: true, name: true } },
      ...DRAFT_REF_SELECT,
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, publishedAt: true } },
      assignments: { select: { claimId: true, assigneeId: true, assignee: { select: { name: true } } } },
      _count: { select: { sources: true } },
    },
  });
  const reviews = await reviewsOf(db, "stored", stories, async (story) => {
    const doc = await readStoredDraft(db, story.id);
    // Compared here first: on SQLite an UPDATE takes the write lock even when it changes nothing.
    const summary = summaryText(doc).plain;
    if (summary !== story.summaryText) await recordSummaryText(db, story.id, summary);
    return reviewStory(db, story.id, doc);
  });
  const drafts = stories.map(({ document, updates, versions, ...story }, index) => {
    const latestVersion = versions[0] ?? null;
    const updatedAt = new Date(
      Math.max(
        story.updatedAt.getTime(),
        document?.updatedAt.getTime() ?? 0,
        ...updates.map(({ createdAt }) => createdAt.getTime()),
      ),
    );
    const base = { ...story, updatedAt, latestVersion };
    const reviewed = reviews[index]!;
    if (reviewed.status === "fulfilled") {
      const review = reviewed.value;
      const claimsByStatus = Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<
        ClaimStatus,
        number
      >;
      for (const claim of review.claims) claimsByStatus[claim.review.status] += 1;
      return { ...base, unreadable: false as const, claimsByStatus, claims: review.claims };
    }
    console.error(`story ${story.id}: its stored draft could not be read`, reviewed.reason);
    return { ...base, unreadable: true as const, claimsByStatus: null, claims: [] };
  });

  const me = (id: string | undefined) => (id === "me" ? user.id : id);
  const found = filters.q === undefined ? null : await searchStoryIds(db, provider, filters.q);
  const since =
    filters.updated === undefined ? null : now.getTime() - UPDATED_WITHIN[filters.updated] * 24 * 60 * 60 * 1000;
  const list = drafts
    .filter(
      (story) =>
        (filters.status === undefined || story.status === filters.status) &&
        (filters.reviewer === undefined || story.reviewer?.id === me(filters.reviewer)) &&
        (filters.assignee === undefined ||
          story.assignments.some(({ assigneeId }) => assigneeId === me(filters.assignee))) &&
        (since === null || story.updatedAt.getTime() >= since) &&
        (found === null || found.has(story.id)),
    )
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());

  return { stories: list, myWork: await myWork(db, user, drafts) };
}

/**
 * A story's draft as stored in the database now, applied to `doc` (a new one by default): the compacted state and
 * the log, in one transaction. The log is read first: a compaction between the two reads folds its rows into the
 * state read second, so no edit is missed (an update applies twice without harm).
 */
export async function readStoredDraft(db: PrismaClient, storyId: string, doc = new Y.Doc()): Promise<Y.Doc> {
  const log = await db.storyUpdate.findMany({ where: { storyId }, select: { update: true } });
  const document = await db.storyDocument.findUnique({ where: { storyId }, select: { state: true } });
  Y.transact(doc, () => {
    if (document) Y.applyUpdate(doc, document.state);
    for (const { update } of log) Y.applyUpdate(doc, update);
  });
  return doc;
}

/** A story as the newsroom's home lists it (see loadNewsroomHome). */
export type ListedStory = Awaited<ReturnType<typeof loadNewsroomHome>>["stories"][number];

async function myWork(
  db: PrismaClient,
  user: { id: string; role: Role },
  drafts: Array<{
    id: string;
    slug: string;
    title: string;
    status: string;
    updatedAt: Date;
    createdById: string | null;
    reviewer: { id: string } | null;
    assignments: Array<{ claimId: string; assigneeId: string }>;
    claims: ReviewedClaim[];
  }>,
): Promise<MyWork> {
  const [mentions, touched] = await Promise.all([
    db.notification.findMany({
      where: { recipientId: user.id, kind: "mentioned" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 10,
      select: {
        storyId: true,
        claimId: true,
        createdAt: true,
        event: { select: { actor: { select: { name: true } } } },
      },
    }),
    db.claimActivity.findMany({ where: { userId: user.id }, select: { storyId: true }, distinct: ["storyId"] }),
  ]);
  const byId = new Map(drafts.map((story) => [story.id, story]));
  const item = (story: (typeof drafts)[number], claim: ReviewedClaim): WorkItem => ({
    storyTitle: story.title,
    claimId: claim.claim.id,
    text: claim.span?.text ?? null,
    status: claim.review.status,
    href: claimHref(story.slug, claim.claim.id),
  });
  const work: MyWork = { assigned: [], toReview: [], mentions: [], following: [] };
  const followed = new Set<string>([
    ...touched.map(({ storyId }) => storyId),
    ...mentions.flatMap(({ storyId }) => (storyId ? [storyId] : [])),
  ]);
  for (const story of drafts) {
    const mine = new Set(story.assignments.filter((a) => a.assigneeId === user.id).map((a) => a.claimId));
    if (mine.size > 0 || story.createdById === user.id || story.reviewer?.id === user.id) followed.add(story.id);
    for (const claim of story.claims) {
      if (mine.has(claim.claim.id)) work.assigned.push(item(story, claim));
      if (
        can(user.role, "approve") &&
        claim.review.status === "needs_review" &&
        // Four eyes (lib/review): whoever touched a claim may not decide it.
        !claim.contributors.has(user.id)
      )
        work.toReview.push(item(story, claim));
    }
  }
  for (const mention of mentions) {
    const story = mention.storyId ? byId.get(mention.storyId) : undefined;
    const claim = story?.claims.find((c) => c.claim.id === mention.claimId);
    if (!story || !claim) continue;
    work.mentions.push({ ...item(story, claim), by: mention.event.actor.name, at: mention.createdAt });
  }
  work.following = drafts
    .filter((story) => followed.has(story.id))
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
    .map(({ id, slug, title, status }) => ({ id, slug, title, status }));
  return work;
}

/**
 * The stories of the newsroom, newest activity first, with their claims counted by effective status; see
 * loadNewsroomHome, which this is without filters and without anyone's work.
 * @throws whatever the database throws when the stories cannot be listed.
 */
export async function listStories(db: PrismaClient = prisma(), provider: DatabaseProvider = "sqlite") {
  return (await loadNewsroomHome(db, provider, { id: "", role: "editor" })).stories;
}

/**
 * A story with its sources in their order, each with the history of its text (revision numbers, notes, who
 * and when; not the old texts), or null when no story has that slug.
 */
export function findStoryWithSources(slug: string) {
  return prisma().story.findUnique({
    where: { slug },
    include: {
      sources: {
        orderBy: { position: "asc" },
        include: {
          revisions: {
            orderBy: { number: "desc" },
            select: { number: true, note: true, createdAt: true, createdBy: { select: { name: true } } },
          },
        },
      },
    },
  });
}

/** Whether a story exists. */
export async function storyExists(id: string): Promise<boolean> {
  return (await prisma().story.count({ where: { id } })) > 0;
}
