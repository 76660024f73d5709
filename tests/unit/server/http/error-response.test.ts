import { describe, expect, it } from "vitest";
import * as z from "zod";
import { errorResponse } from "@/server/http/error-response";
import { RequestError } from "@/server/http/request-error";

describe("errorResponse", () => {
  it("answers a refusal with its status and message, and a list of blockers only when something blocks", async () => {
    const notFound = errorResponse(new RequestError(404, "No such story."));
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: "No such story." });

    const blocked = errorResponse(new RequestError(409, "Not ready.", [{ kind: "no_claims" }]));
    expect(blocked.status).toBe(409);
    expect(await blocked.json()).toEqual({
      error: "Not ready.",
      blockers: [{ kind: "no_claims", message: expect.any(String) }],
    });
  });

  it("answers invalid input with 400 and its first problem, anything else with 500 and no details", async () => {
    const invalid = z.object({ title: z.string({ error: "A title is needed." }) }).safeParse({});
    const bad = errorResponse(invalid.error);
    expect([bad.status, await bad.json()]).toEqual([400, { error: "A title is needed." }]);
    const original = console.error;
    console.error = () => undefined;
    try {
      const broken = errorResponse(new Error("secret detail"));
      expect([broken.status, await broken.json()]).toEqual([500, { error: "Something went wrong." }]);
    } finally {
      console.error = original;
    }
  });
});
