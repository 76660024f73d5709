import { localePath } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { oembedQuerySchema, oembedResponse, oembedTarget } from "@/lib/reader/oembed";
import { getEnv } from "@/server/env";
import { publicError, publicJson } from "@/server/http/public-response";
import { findPublishedClaim } from "@/server/reader/embedded-claim";
import { readPublishedStory } from "@/server/stories/published";
import { siteUrl } from "@/server/stories/reader-page";

/**
 * GET /api/oembed?url=…[&maxwidth=…&maxheight=…&format=json]: the oEmbed answer for a published claim (its embed's
 * address or its permalink on a reader page) or a check (its first claim). Open to every origin, as the read API.
 */
export async function GET(request: Request): Promise<Response> {
  const query = oembedQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return publicError(400, "url is required.");
  if (query.data.format && query.data.format !== "json") return publicError(501, "Only the json format is served.");
  const target = oembedTarget(query.data.url, siteUrl());
  if (!target) return publicError(404, "Not a published claim or check of this site.");

  let claimId: string | undefined;
  if (target.kind === "claim") claimId = target.claimId;
  else claimId = (await readPublishedStory(target.slug))?.content.claims.toSorted((a, b) => a.start - b.start)[0]?.id;
  const found = claimId ? await findPublishedClaim(claimId, undefined, translator(target.locale)) : null;
  if (!found) return publicError(404, "Not a published claim or check of this site.");

  const organisation = getEnv().ORGANISATION_NAME;
  return publicJson(
    request,
    oembedResponse({
      embedUrl: siteUrl(localePath(target.locale, `/embed/claims/${encodeURIComponent(found.claim.id)}`)),
      title: `${found.claim.verdict}: “${found.claim.text}” (${found.story.title})`,
      providerName: organisation,
      providerUrl: siteUrl("/"),
      maxwidth: query.data.maxwidth,
      maxheight: query.data.maxheight,
    }),
    "short",
  );
}
