import { ZodError } from "zod";
import { describeBlocker } from "../../lib/review/publish-readiness";
import { CollabUnavailableError, StoryQuarantinedError } from "../collab/collab-client";
import { RequestError } from "./request-error";

/**
 * Maps an error from a route's work to a JSON response with a status and a message for people (and, for a
 * refused publish, its blockers); anything unexpected is logged and answered with 500, without details.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof RequestError) {
    // What blocks publishing, only where something does (a refused publish): other refusals carry no list.
    const blockers = error.blockers.map((blocker) => ({ ...blocker, message: describeBlocker(blocker) }));
    return Response.json(
      { error: error.message, ...(blockers.length > 0 ? { blockers } : {}) },
      { status: error.status },
    );
  }
  if (error instanceof ZodError) {
    return Response.json({ error: error.issues[0]?.message ?? "Invalid request." }, { status: 400 });
  }
  if (error instanceof CollabUnavailableError) return Response.json({ error: error.message }, { status: 503 });
  if (error instanceof StoryQuarantinedError) return Response.json({ error: error.message }, { status: 423 });
  console.error(error);
  return Response.json({ error: "Something went wrong." }, { status: 500 });
}
