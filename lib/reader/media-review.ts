import type { VersionContent } from "../versions/version-content";

type Claim = VersionContent["claims"][number];
type Source = VersionContent["sources"][number];

/** The kind of media a claim is about, as schema.org types it. */
export type MediaType = "VideoObject" | "ImageObject" | "AudioObject";

/** What a published claim says of a piece of media: its kind and, when a quoted source is the media, its address. */
export interface ClaimMedia {
  type: MediaType;
  contentUrl?: string;
  embedUrl?: string;
}

/** Words by which a claim names the media it is about, by kind (checked in this order). */
const MEDIA_WORDS: Array<[MediaType, RegExp]> = [
  ["VideoObject", /\b(videos?|footage|video clips?|clips?|livestreams?)\b/i],
  ["ImageObject", /\b(images?|photos?|photographs?|pictures?|screenshots?)\b/i],
  ["AudioObject", /\b(audio|recordings?|voice messages?|podcasts?)\b/i],
];

/**
 * A source's address when it is the media itself, not an article about it: a YouTube or Vimeo video (with the
 * player's address to embed), or a file of video, image or audio by its extension.
 */
export function mediaAtUrl(url: string): ClaimMedia | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  const host = parsed.hostname.replace(/^(www\.|m\.)/, "");
  const youtube =
    host === "youtube.com" && parsed.pathname === "/watch"
      ? parsed.searchParams.get("v")
      : host === "youtu.be"
        ? parsed.pathname.slice(1)
        : host === "youtube.com"
          ? /^\/(?:shorts|embed)\/([\w-]+)$/.exec(parsed.pathname)?.[1]
          : null;
  if (youtube && /^[\w-]{6,20}$/.test(youtube))
    return { type: "VideoObject", contentUrl: url, embedUrl: `https://www.youtube.com/embed/${youtube}` };
  const vimeo = host === "vimeo.com" ? /^\/(\d+)$/.exec(parsed.pathname)?.[1] : null;
  if (vimeo) return { type: "VideoObject", contentUrl: url, embedUrl: `https://player.vimeo.com/video/${vimeo}` };
  const extension = /\.([a-z0-9]+)$/i.exec(parsed.pathname)?.[1]?.toLowerCase() ?? "";
  if (["mp4", "webm", "mov", "m4v"].includes(extension)) return { type: "VideoObject", contentUrl: url };
  if (["jpg", "jpeg", "png", "gif", "webp", "avif"].includes(extension))
    return { type: "ImageObject", contentUrl: url };
  if (["mp3", "m4a", "ogg", "wav"].includes(extension)) return { type: "AudioObject", contentUrl: url };
  return null;
}

/**
 * Whether a published claim is about a video, an image or a recording, and where it is when known. The editor says
 * so with what a claim already has, no new field: the claim's own words name the media ("two recruitment
 * videos"), or one of its quotes comes from a source whose address is the media (a YouTube video, an image file),
 * which then gives its address. Null for a claim about neither.
 *
 * @example claimMedia({ text: "The CIA released two videos", quotes: [] … }, sources) // { type: "VideoObject" }
 */
export function claimMedia(
  claim: Pick<Claim, "text" | "quotes">,
  sources: ReadonlyMap<string, Source>,
): ClaimMedia | null {
  for (const quote of claim.quotes) {
    const url = sources.get(quote.sourceId)?.url;
    const media = url ? mediaAtUrl(url) : null;
    if (media) return media;
  }
  const named = MEDIA_WORDS.find(([, words]) => words.test(claim.text));
  return named ? { type: named[0] } : null;
}

/**
 * schema.org MediaReview objects (as Google's Fact Check Tools document them) for the claims of a published version
 * that are about media (claimMedia): the media reviewed as a MediaReviewItem (its kind, its address and player when
 * known, the claim it was taken to make), its authenticity (`OriginalMediaContent` when the claim is supported,
 * `DecontextualizedContent` otherwise) and the original context in the sources' own words (the supporting quotes,
 * else the others, with their outlets). A claim without any quote has no context to give and gets none.
 */
export function mediaReviews(
  content: VersionContent,
  options: { pageUrl: string; organisation: string; datePublished: string },
): Array<Record<string, unknown>> {
  const sources = new Map(content.sources.map((source) => [source.id, source]));
  return content.claims.flatMap((claim) => {
    const media = claimMedia(claim, sources);
    if (!media) return [];
    const supporting = claim.quotes.filter((quote) => quote.stance === "supports");
    const context = (supporting.length > 0 ? supporting : claim.quotes)
      .map((quote) => {
        const outlet = sources.get(quote.sourceId)?.outlet;
        return `“${quote.selector.exact}”${outlet ? ` (${outlet})` : ""}`;
      })
      .join(" ");
    if (!context) return [];
    return [
      {
        "@context": "https://schema.org",
        "@type": "MediaReview",
        url: `${options.pageUrl}#claim-${claim.id}`,
        datePublished: options.datePublished,
        author: { "@type": "Organization", name: options.organisation },
        mediaAuthenticityCategory: claim.verdict === "supported" ? "OriginalMediaContent" : "DecontextualizedContent",
        originalMediaContextDescription: context,
        ...(media.contentUrl ? { originalMediaLink: media.contentUrl } : {}),
        itemReviewed: {
          "@type": "MediaReviewItem",
          interpretedAsClaim: { "@type": "Claim", description: claim.text },
          mediaItemAppearance: [
            {
              "@type": media.type,
              description: claim.text,
              ...(media.contentUrl ? { contentUrl: media.contentUrl } : {}),
              ...(media.embedUrl ? { embedUrl: media.embedUrl } : {}),
            },
          ],
        },
      },
    ];
  });
}
