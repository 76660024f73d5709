import type { PublishBlocker } from "../../lib/review/publish-readiness";

/** A refused review or publish request, with the HTTP status a route should answer and a message for people. */
export class ReviewError extends Error {
  override name = "ReviewError";
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422,
    message: string,
    readonly blockers: PublishBlocker[] = [],
  ) {
    super(message);
  }
}
