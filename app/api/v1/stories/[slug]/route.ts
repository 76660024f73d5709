import { publicPreflight } from "@/server/http/public-response";
import { storyVersion } from "@/server/reader/read-api";

type Context = { params: Promise<{ slug: string }> };

/** A story's latest published version in the read API (short-lived: a correction replaces it). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  return storyVersion(request, (await params).slug);
}
export const OPTIONS = publicPreflight;
