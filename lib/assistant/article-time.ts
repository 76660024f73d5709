/**
 * When an article was written, as its relative dates need it: the day in the article's own time zone, and
 * whether the date is the article's own or assumed from the other sources of the story.
 */
export interface ArticleTime {
  /** Days since 1970-01-01 of the article's date, in its own time zone. */
  day: number;
  year: number;
  /** 0 for January. */
  month: number;
  /** 0 for Sunday. */
  weekday: number;
  /** "article": the source states its date; "assumed": the story's date, since this source states none. */
  basis: "article" | "assumed";
}

/** Offsets of the time zones a report names, in minutes east of UTC, without and with daylight saving. */
const ZONES: Record<string, [number, number]> = {
  et: [-300, -240],
  ct: [-360, -300],
  mt: [-420, -360],
  pt: [-480, -420],
  est: [-300, -300],
  edt: [-240, -240],
  cst: [-360, -360],
  cdt: [-300, -300],
  mst: [-420, -420],
  mdt: [-360, -360],
  pst: [-480, -480],
  pdt: [-420, -420],
  gmt: [0, 0],
  utc: [0, 0],
  bst: [60, 60],
};

const DAY_MS = 86_400_000;

/**
 * The article time of an ISO 8601 timestamp ("2025-05-12T19:10:00-05:00"), read in the zone it is written
 * in (UTC when it names none); null when it does not parse.
 * @example articleTime("2025-05-13T06:30:00-05:00", "article")?.weekday // 2 (Tuesday)
 */
export function articleTime(iso: string | null | undefined, basis: ArticleTime["basis"]): ArticleTime | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const local = new Date(at + (offsetOf(iso) ?? 0) * 60_000);
  const day = Math.floor(local.getTime() / DAY_MS);
  return {
    day,
    year: local.getUTCFullYear(),
    month: local.getUTCMonth(),
    weekday: local.getUTCDay(),
    basis,
  };
}

/** The UTC offset an ISO timestamp states, in minutes ("-05:00" → -300, "Z" → 0), or null. */
export function offsetOf(iso: string | null | undefined): number | null {
  const match = /(?:([+-])(\d{2}):?(\d{2})|Z)$/.exec(iso ?? "");
  if (!match) return null;
  if (!match[1]) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * The offset, in minutes east of UTC, of a zone a report names ("CT", "EDT", "GMT") on a day; null for an
 * unknown name. US zones without S/D are read with daylight saving from mid-March to October.
 */
export function zoneOffset(zone: string, time: ArticleTime | null): number | null {
  const offsets = ZONES[zone.toLowerCase().replaceAll(".", "")];
  if (!offsets) return null;
  const summer = time ? time.month >= 3 && time.month <= 9 : true;
  return summer ? offsets[1] : offsets[0];
}

/** Days since 1970-01-01 of a calendar date (month 0 for January). */
export function dayOf(year: number, month: number, date: number): number {
  return Math.floor(Date.UTC(year, month, date) / DAY_MS);
}

/** A day as "12 May 2025". */
export function dayText(day: number): string {
  return new Date(day * DAY_MS).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
