import { readerPageResponse } from "@/server/reader/reader-page-response";

type Context = { params: Promise<{ slug: string; n: string }> };

/** GET /stories/<slug>/v/<n> (and under /ar): a published version of a check, as its latest (../../route.ts). */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { slug, n } = await params;
  return readerPageResponse(slug, n);
}
