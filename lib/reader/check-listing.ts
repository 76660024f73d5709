import * as z from "zod";
import { outletKey, sourceLabel } from "../sources/source-label";
import type { VersionContent } from "../versions/version-content";

/**
 * How the public front page and the outlet pages list published checks: the query a visitor may send, how a
 * search matches a check, and which outlets a check quotes. Pure, so the rules are tested without a server.
 */

/** How many checks one page of the front page or an outlet page lists. */
export const CHECKS_PER_PAGE = 10;

/** The longest search a visitor may send; a longer one is cut, not refused (it comes from a form). */
const MAX_QUERY = 200;

/** A list page's query string: the search (`q`) and the page number; anything unreadable falls back to the default. */
export const checkListQuerySchema = z.object({
  q: z
    .string()
    .catch("")
    .default("")
    .transform((q) => q.trim().slice(0, MAX_QUERY)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type CheckListQuery = z.infer<typeof checkListQuerySchema>;

/**
 * A search's words in the form they are compared: lower case, without accents, split on anything that is not a
 * letter or digit, so that "Ratcliffe's" finds "Ratcliffe" and "chinese" finds "Chinese".
 *
 * @example searchTerms("  CIA, Mandarin-language ") // ["cia", "mandarin", "language"]
 */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0);
}

function foldForSearch(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * Whether a check matches a search: every term occurs in its title or its summary (as a word's start or inside
 * one). No terms match everything.
 */
export function matchesSearch(terms: readonly string[], check: { title: string; summary: string }): boolean {
  if (terms.length === 0) return true;
  const text = foldForSearch(`${check.title}\n${check.summary}`);
  return terms.every((term) => text.includes(term));
}

/** An outlet a check quotes: its key (lib/sources/source-label.ts, what its page is found by) and its name. */
export interface QuotedOutlet {
  key: string;
  label: string;
}

/**
 * The outlets a published version quotes, each once, in the order the claims first quote them. An outlet that
 * is only among the version's sources, with no quote, is not one the check quotes.
 */
export function quotedOutlets(content: VersionContent): QuotedOutlet[] {
  const sources = new Map(content.sources.map((source) => [source.id, source]));
  const outlets = new Map<string, QuotedOutlet>();
  for (const claim of content.claims) {
    for (const quote of claim.quotes) {
      const source = sources.get(quote.sourceId);
      if (!source) continue;
      const key = outletKey(source);
      if (!outlets.has(key)) outlets.set(key, { key, label: sourceLabel(source) });
    }
  }
  return [...outlets.values()];
}

/** The path of an outlet's page: `/outlets/<key>`, the key percent-encoded. */
export function outletPath(key: string): string {
  return `/outlets/${encodeURIComponent(key)}`;
}

/** The pages a list of `total` checks spans (at least one, so an empty result still has a page 1). */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / CHECKS_PER_PAGE));
}
