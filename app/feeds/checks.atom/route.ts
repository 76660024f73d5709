import { publicPreflight } from "@/server/http/public-response";
import { feed } from "@/server/reader/read-api";

/** The checks feed as Atom 1.0 (server/reader/read-api.ts). */
export const GET = (request: Request) => feed(request, "checks", "atom");
export const OPTIONS = publicPreflight;
