import { publicPreflight } from "@/server/http/public-response";
import { claimReviewFeed } from "@/server/reader/read-api";

/** Every published check's claims as schema.org ClaimReviews in one DataFeed, for fact-check databases. */
export const GET = (request: Request) => claimReviewFeed(request);
export const OPTIONS = publicPreflight;
