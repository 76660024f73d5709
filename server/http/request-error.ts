import type { PublishBlocker } from "../../lib/review/publish-readiness";

/**
 * A refused request (a review, a publication, an import, a correction, a role change), with the HTTP status a
 * route should answer and a message for people.
 */
export class RequestError extends Error {
  override name = "RequestError";
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422,
    message: string,
    readonly blockers: PublishBlocker[] = [],
  ) {
    super(message);
  }
}
