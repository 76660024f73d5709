import { localeOfPath, type Locale } from "../i18n/locales";
import * as z from "zod";

/**
 * oEmbed (https://oembed.com) for published claims: which page an oEmbed request names, and the "rich" answer
 * whose HTML is an iframe of the claim's embed (`/embed/claims/<id>`, the one route other sites may frame).
 */

/** What an oEmbed request's `url` names on this site. */
export type OEmbedTarget = ({ kind: "claim"; claimId: string } | { kind: "story"; slug: string }) & {
  /** The language of the page named (its path's prefix, lib/i18n/locales.ts), for the embed's own. */
  locale: Locale;
};

/** The query of an oEmbed request: the page, an optional size limit, and the format (JSON only). */
export const oembedQuerySchema = z.object({
  url: z.string().min(1).max(2000),
  maxwidth: z.coerce.number().int().positive().optional().catch(undefined),
  maxheight: z.coerce.number().int().positive().optional().catch(undefined),
  format: z.string().optional(),
});

/** The embed's size when the consumer sets no limit; it scrolls inside when a claim has more evidence. */
export const EMBED_SIZE = { width: 560, height: 420 } as const;
/** The smallest embed offered: a phone's column. */
const MIN_SIZE = { width: 280, height: 200 } as const;

/**
 * The claim or check an oEmbed `url` names: `/embed/claims/<id>`, or a reader page (`/stories/<slug>`, or a
 * version of it) with a claim's permalink (`#claim-<id>`) or without one, in any language (`/ar/stories/<slug>`).
 * Null for anything else, and for any address on another origin than `siteOrigin`.
 *
 * @example oembedTarget("https://news.example/stories/cia#claim-c1", "https://news.example") // { kind: "claim", claimId: "c1", locale: "en" }
 */
export function oembedTarget(url: string, siteOrigin: string): OEmbedTarget | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== new URL(siteOrigin).origin) return null;
  const located = localeOfPath(parsed.pathname);
  if (!located) return null;
  const { locale, path } = located;
  const embed = /^\/embed\/claims\/([^/]+)$/.exec(path);
  if (embed) return { kind: "claim", claimId: decoded(embed[1]!), locale };
  const reader = /^\/stories\/([^/]+)(?:\/v\/[1-9]\d*)?$/.exec(path);
  if (!reader) return null;
  const permalink = /^#claim-(.+)$/.exec(parsed.hash);
  if (permalink) return { kind: "claim", claimId: decoded(permalink[1]!), locale };
  return { kind: "story", slug: decoded(reader[1]!), locale };
}

/** A path segment decoded; one that does not decode (a stray "%") is taken as written. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The "rich" oEmbed answer for a claim's embed at `embedUrl`, sized within the consumer's limits. */
export function oembedResponse(options: {
  embedUrl: string;
  title: string;
  providerName: string;
  providerUrl: string;
  maxwidth?: number;
  maxheight?: number;
}) {
  const width = Math.max(MIN_SIZE.width, Math.min(EMBED_SIZE.width, options.maxwidth ?? EMBED_SIZE.width));
  const height = Math.max(MIN_SIZE.height, Math.min(EMBED_SIZE.height, options.maxheight ?? EMBED_SIZE.height));
  const html =
    `<iframe src="${escapeAttribute(options.embedUrl)}" width="${width}" height="${height}" ` +
    `title="${escapeAttribute(options.title)}" loading="lazy" style="border:0;max-width:100%"></iframe>`;
  return {
    version: "1.0",
    type: "rich",
    title: options.title,
    provider_name: options.providerName,
    provider_url: options.providerUrl,
    cache_age: 3600,
    width,
    height,
    html,
  } as const;
}

/** Text made safe inside a double-quoted HTML attribute. */
function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
