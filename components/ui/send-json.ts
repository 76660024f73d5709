/** What a JSON request to one of the app's routes came back with. */
export type PostResult<T> = { ok: true; data: T } | { ok: false; status: number; error: string };

/**
 * Sends a JSON body (POST, PUT, PATCH or DELETE) to one of the app's routes and reads its JSON answer; a refusal
 * carries the route's message for people, a network failure says so. Every request that changes something
 * must be JSON from this site (proxy.ts), which is what this sends.
 */
export async function sendJson<T>(
  url: string,
  body?: unknown,
  method: "POST" | "PUT" | "PATCH" | "DELETE" = "POST",
): Promise<PostResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, error: "The server could not be reached: check the connection and try again." };
  }
  const data = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!response.ok || data === null) {
    return {
      ok: false,
      status: response.status,
      error: data?.error ?? `The request failed (HTTP ${response.status}).`,
    };
  }
  return { ok: true, data };
}
