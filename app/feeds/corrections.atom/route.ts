import { publicPreflight } from "@/server/http/public-response";
import { feed } from "@/server/reader/read-api";

/** The corrections feed as Atom 1.0 (server/reader/read-api.ts). */
export const GET = (request: Request) => feed(request, "corrections", "atom");
export const OPTIONS = publicPreflight;
