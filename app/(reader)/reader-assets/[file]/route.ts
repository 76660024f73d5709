import { readerAsset } from "@/server/reader/reader-assets";

type Context = { params: Promise<{ file: string }> };

/**
 * GET /reader-assets/<name>: the stylesheet and the evidence popover's script of the published checks' pages
 * (server/reader/reader-assets.ts). Each name carries a hash of its content, so a browser or a CDN keeps it a
 * year without asking again; a new build links new names.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const asset = await readerAsset((await params).file);
  if (!asset) return new Response("No such file.", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(asset.body, {
    headers: { "Content-Type": asset.contentType, "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
