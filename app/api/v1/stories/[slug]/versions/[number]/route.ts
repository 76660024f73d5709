import { publicPreflight } from "@/server/http/public-response";
import { storyVersion } from "@/server/reader/read-api";

type Context = { params: Promise<{ slug: string; number: string }> };

/** One published version in the read API: immutable, with an ETag and a year's Cache-Control. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug, number } = await params;
  return storyVersion(request, slug, number);
}
export const OPTIONS = publicPreflight;
