/** What an article's text states about itself, and the article text without those lines. */
export interface ArticleMetadata {
  headline: string | null;
  outlet: string | null;
  author: string | null;
  /** The publication time as stated, parsed as UTC when no zone is given. */
  publishedAt: Date | null;
  /** The section the article ran in ("Reports", "News & Features"). */
  section: string | null;
  /** Who distributed the article when it is syndicated ("Tribune Content Agency, LLC"). */
  distributor: string | null;
  /** The article body: the headline, dateline, byline, copyright and trailing page furniture removed. */
  body: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DATE_LINE =
  /^(?:(?<hour>\d{1,2}):(?<minute>\d{2})\s*(?<ampm>[AP]M),?\s*)?(?<month>[A-Z][a-z]+)\.? (?<day>\d{1,2}), (?<year>\d{4})$/;
const COPYRIGHT = /^(?:©|\(c\)|Copyright)\s*(?:\d{4}\s*)?(?<owner>.+?)(?:\.\s|\.?$)/i;
const LEGAL_SUFFIX = /,?\s+(?:L\.?P|LLC|Inc|Ltd|plc)\.?$/i;
const DISTRIBUTED_BY = /Distributed by (?<distributor>.+?)\.?$/;
const BYLINE = /^By (?<author>[A-Z].{1,80})$/;
const SECTION = /^(?:Published )?[Ii]n (?<section>[A-Z][\w &]+)$/;
const LIST_MARKER = /^[-–•]\s*/;
const PAGE_FURNITURE = new Set(["Comments", "Advertisement", "Share", "Related"]);

/**
 * Reads the metadata an article's plain text states: the first line as its headline (when it reads as one),
 * a section line ("Published in News & Features", "- In Reports"), a date line ("12:22 PM, May 02, 2025"),
 * a byline ("By …" or a bare name after a dash), and a copyright line ("©2025 Bloomberg L.P. …", which also
 * names the distributor). A "<Outlet> Staff" byline names the outlet. Nothing is guessed beyond that.
 * @example readArticleMetadata(seed003).publishedAt // 2025-05-02T12:22:00.000Z
 */
export function readArticleMetadata(text: string): ArticleMetadata {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const meta: ArticleMetadata = {
    headline: null,
    outlet: null,
    author: null,
    publishedAt: null,
    section: null,
    distributor: null,
    body: "",
  };

  while (lines.length > 0 && PAGE_FURNITURE.has(lines[lines.length - 1] ?? "")) lines.pop();

  const first = lines[0];
  // A headline is short and does not end like a sentence (an abbreviation such as "U.S." may end it); a
  // byline, date, section or copyright line or a list item first (a page without a headline) is not one.
  const readsAsHeadline =
    first !== undefined && first.length <= 140 && !/(?:[a-z]{2}\.|[!?”"])$/.test(first) && !statesMetadata(first);
  if (readsAsHeadline) {
    meta.headline = first;
    lines.shift();
  }

  const body: string[] = [];
  for (const line of lines) {
    const bare = line.replace(LIST_MARKER, "");
    const isListItem = bare !== line;
    const date = DATE_LINE.exec(bare);
    const section = SECTION.exec(bare);
    const copyright = COPYRIGHT.exec(line);
    const byline = BYLINE.exec(bare);
    if (date?.groups && meta.publishedAt === null) {
      meta.publishedAt = parseDate(date.groups);
    } else if (section?.groups && meta.section === null && body.length === 0) {
      meta.section = section.groups.section ?? null;
    } else if (copyright?.groups) {
      meta.outlet ??= (copyright.groups.owner ?? "").replace(LEGAL_SUFFIX, "") || null;
      meta.distributor = DISTRIBUTED_BY.exec(line)?.groups?.distributor ?? null;
    } else if (byline?.groups && meta.author === null) {
      meta.author = byline.groups.author ?? null;
    } else if (isListItem && body.length === 0 && meta.author === null && bare.split(" ").length <= 5) {
      meta.author = bare;
    } else {
      body.push(line);
    }
  }
  const staff = meta.author ? /^(?<outlet>.+) Staff$/.exec(meta.author) : null;
  if (staff?.groups) meta.outlet ??= staff.groups.outlet ?? null;
  meta.body = body.join("\n");
  return meta;
}

function statesMetadata(line: string): boolean {
  const bare = line.replace(LIST_MARKER, "");
  return bare !== line || [DATE_LINE, SECTION, BYLINE].some((pattern) => pattern.test(bare)) || COPYRIGHT.test(line);
}

function parseDate(groups: Record<string, string | undefined>): Date | null {
  const month = MONTHS.indexOf((groups.month ?? "").slice(0, 3).toLowerCase());
  const day = Number(groups.day);
  const year = Number(groups.year);
  if (month === -1 || !day || !year) return null;
  let hour = Number(groups.hour ?? 0);
  if (groups.ampm === "PM" && hour < 12) hour += 12;
  if (groups.ampm === "AM" && hour === 12) hour = 0;
  return new Date(Date.UTC(year, month, day, hour, Number(groups.minute ?? 0)));
}
