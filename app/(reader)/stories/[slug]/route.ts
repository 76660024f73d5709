import { readerPageResponse } from "@/server/reader/reader-page-response";

type Context = { params: Promise<{ slug: string }> };

/**
 * GET /stories/<slug> (and /ar/stories/<slug>, which proxy.ts rewrites here): a published check's latest version,
 * a static document made once per version (server/reader/reader-document.tsx), not a Next page.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  return readerPageResponse((await params).slug);
}
