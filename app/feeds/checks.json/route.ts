import { publicPreflight } from "@/server/http/public-response";
import { feed } from "@/server/reader/read-api";

/** The checks feed as JSON Feed 1.1 (server/reader/read-api.ts). */
export const GET = (request: Request) => feed(request, "checks", "json");
export const OPTIONS = publicPreflight;
