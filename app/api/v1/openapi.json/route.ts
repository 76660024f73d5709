import { publicPreflight } from "@/server/http/public-response";
import { openApi } from "@/server/reader/read-api";

/** The OpenAPI 3.1 document of the read API, generated from the schemas its responses are made from. */
export const GET = (request: Request) => openApi(request);
export const OPTIONS = publicPreflight;
