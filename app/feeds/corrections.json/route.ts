import { publicPreflight } from "@/server/http/public-response";
import { feed } from "@/server/reader/read-api";

/** The corrections feed as JSON Feed 1.1 (server/reader/read-api.ts). */
export const GET = (request: Request) => feed(request, "corrections", "json");
export const OPTIONS = publicPreflight;
