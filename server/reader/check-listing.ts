import "server-only";
import {
  CHECKS_PER_PAGE,
  matchesSearch,
  pageCount,
  quotedOutlets,
  searchTerms,
  type CheckListQuery,
  type QuotedOutlet,
} from "@/lib/reader/check-listing";
import { verdictCounts, type VerdictCounts } from "@/lib/reader/public-api";
import type { PrismaClient } from "../db/create-prisma";
import { prisma } from "../db/prisma";
import { publishedStoryIndex, withContents } from "./published-checks";

/** A published check as the front page and the outlet pages list it: its latest version in short. */
export interface ListedCheck {
  slug: string;
  title: string;
  summary: string;
  latestVersion: number;
  publishedAt: Date;
  /** When the latest version is a correction (number 2 or later): its note. */
  correction: { note: string | null } | null;
  claims: VerdictCounts;
  outlets: QuotedOutlet[];
}

/** One page of a list of checks, and where it stands among the pages. */
export interface CheckListPage {
  checks: ListedCheck[];
  page: number;
  pages: number;
  total: number;
}

/**
 * A page of published checks, the most recently published first: those matching the search (title and summary of
 * the latest version), and, with `outletKey`, only those quoting that outlet. Without a search or an outlet only
 * the page's versions are read; with one, every story's latest version is (one query), since the words are in
 * the stored content: fine for a newsroom's thousands of checks, not for millions (a full-text index would be).
 */
export async function listChecks(
  query: CheckListQuery,
  options: { outletKey?: string } = {},
  db: PrismaClient = prisma(),
): Promise<CheckListPage> {
  const index = await publishedStoryIndex(db);
  const terms = searchTerms(query.q);
  const filtered = terms.length > 0 || options.outletKey !== undefined;
  const latestOf = (versions: (typeof index)[number]["versions"]) => versions.slice(-1);
  const start = (query.page - 1) * CHECKS_PER_PAGE;

  const candidates = await withContents(filtered ? index : index.slice(start, start + CHECKS_PER_PAGE), latestOf, db);
  const checks: ListedCheck[] = candidates
    .map(({ slug, versions }) => {
      const latest = versions[0]!;
      return {
        slug,
        title: latest.title,
        summary: latest.content.summary,
        latestVersion: latest.number,
        publishedAt: latest.publishedAt,
        correction: latest.number > 1 ? { note: latest.correctionNote } : null,
        claims: verdictCounts(latest.content),
        outlets: quotedOutlets(latest.content),
      };
    })
    .filter(
      (check) =>
        matchesSearch(terms, check) &&
        (options.outletKey === undefined || check.outlets.some((outlet) => outlet.key === options.outletKey)),
    );

  const total = filtered ? checks.length : index.length;
  return {
    checks: filtered ? checks.slice(start, start + CHECKS_PER_PAGE) : checks,
    page: query.page,
    pages: pageCount(total),
    total,
  };
}
