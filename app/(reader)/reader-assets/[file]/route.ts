import { devReaderAsset } from "@/server/reader/reader-assets";

type Context = { params: Promise<{ file: string }> };

/**
 * GET /reader-assets/<name> under `next dev`: the stylesheet and the evidence popover's script of the published
 * checks' pages as the dev server last built them (server/reader/reader-assets.ts). Named by their content, so a
 * browser may keep each a year. After `npm run build` the assets are Next's static files (/_next/static/reader/),
 * which `next start` serves compressed, and this route finds nothing.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const asset = devReaderAsset((await params).file);
  if (!asset) return new Response("No such file.", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(asset.body, {
    headers: { "Content-Type": asset.contentType, "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
