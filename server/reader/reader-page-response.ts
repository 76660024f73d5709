import "server-only";
import { headers } from "next/headers";
import { translator } from "@/lib/i18n/translate";
import { versionNumberSchema } from "@/lib/reader/public-api";
import { getEnv } from "../env";
import { requestLocale } from "../i18n/request-locale";
import { readPublishedStory } from "../stories/published";
import { readerPageUrl } from "../stories/reader-page";
import { readerAssetUrls } from "./reader-assets";
import { checkDocument, errorDocument, notFoundDocument, withNonce, type NoncedDocument } from "./reader-document";

/**
 * The answer to GET /stories/<slug> (the latest version, `version` undefined) or /stories/<slug>/v/<version>, in the
 * language proxy.ts found in the address (x-locale): the check's document, made once per version
 * (server/reader/reader-document.tsx), with this response's nonce (x-nonce); 404 with the not-found document for a
 * story that is not published, a version it does not have, or a number that is not one (`01`). The proxy adds
 * the security headers.
 */
export async function readerPageResponse(slug: string, version?: string): Promise<Response> {
  const [{ locale, path }, requestHeaders, assets] = await Promise.all([
    requestLocale(),
    headers(),
    readerAssetUrls().catch(withoutAssets),
  ]);
  const t = translator(locale);
  const nonce = requestHeaders.get("x-nonce") ?? "";
  try {
    const number = version === undefined ? undefined : versionNumberSchema.safeParse(version).data;
    const story = number === undefined && version !== undefined ? null : await readPublishedStory(slug, number);
    if (!story) return htmlResponse(notFoundDocument(t, path, assets), nonce, 404);
    const document = checkDocument(story, {
      pageUrl: readerPageUrl(slug, number, locale),
      // The page's own path, without a query: the document is made once for every query a link may add.
      path: `/stories/${encodeURIComponent(slug)}${number ? `/v/${number}` : ""}`,
      organisation: getEnv().ORGANISATION_NAME,
      t,
      assets,
    });
    return htmlResponse(document, nonce, 200);
  } catch (error) {
    // What Next's error page was for a page: the reader is told, in the page's language, and may try again.
    console.error(`the published check ${slug} could not be served`, error);
    return htmlResponse(errorDocument(t, path, assets), nonce, 500);
  }
}

let saidWithoutAssets = false;

/**
 * A build without the reader's assets (`next build` alone, not `npm run build`): the pages still go out, unstyled
 * and without the evidence popover (each claim a link to its footnote), and the server says why, once.
 */
function withoutAssets(error: unknown): null {
  if (!saidWithoutAssets) {
    console.error("the published checks' pages go out unstyled: this build has no reader assets", error);
    saidWithoutAssets = true;
  }
  return null;
}

function htmlResponse(document: NoncedDocument, nonce: string, status: number): Response {
  return new Response(withNonce(document, nonce), {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      // Each response has its own nonce: no cache may keep one for another reader.
      "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
    },
  });
}
