import { publicPreflight } from "@/server/http/public-response";
import { storyList } from "@/server/reader/read-api";

/** The read API's list of published checks (server/reader/read-api.ts; described by /api/v1/openapi.json). */
export const GET = (request: Request) => storyList(request);
export const OPTIONS = publicPreflight;
