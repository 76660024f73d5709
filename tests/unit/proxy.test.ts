import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";

const SITE = "http://localhost:3000";

// proxy.ts reads the validated environment on each request.
beforeAll(() => {
  process.env.NEXTAUTH_URL = SITE;
  process.env.NEXTAUTH_SECRET ??= "unit-nextauth-secret-0123456789-abcdefghijklmnop";
  process.env.COLLAB_TOKEN_SECRET ??= "unit-collab-secret-0123456789-abcdefghijklmnop";
  process.env.COLLAB_PORT = "1234";
});

async function run(path: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) {
  const { proxy } = await import("@/proxy");
  return proxy(new NextRequest(new URL(path, SITE), init));
}

describe("proxy", () => {
  it("refuses a cross-site text/plain form post before any route runs, with the security headers", async () => {
    const response = await run("/api/stories", {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "text/plain" },
      body: '{"title":"planted","pad":"="}',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: expect.stringContaining("did not come from a page of this site") });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-middleware-next")).toBeNull();
  });

  it("refuses same-origin text with 415", async () => {
    const response = await run("/api/collab-token", {
      method: "POST",
      headers: { origin: SITE, "content-type": "text/plain" },
      body: "{}",
    });
    expect(response.status).toBe(415);
  });

  it("passes a same-origin JSON request on, with a fresh nonce in the CSP for Next and in x-nonce for the pages", async () => {
    const response = await run("/api/stories", {
      method: "POST",
      headers: { origin: SITE, "content-type": "application/json" },
      body: "{}",
    });
    expect(response.headers.get("x-middleware-next")).toBe("1");
    const policy = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("connect-src 'self' ws://localhost:1234");
    // What the route (and Next's renderer) will see of the request.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
  });

  it("gives every page the headers, and a new nonce each time, HSTS only under https", async () => {
    const first = await run("/signin");
    const second = await run("/signin");
    expect(first.headers.get("content-security-policy")).not.toBe(second.headers.get("content-security-policy"));
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("strict-transport-security")).toBeNull();
  });

  it("leaves next-auth's sign-in post to next-auth", async () => {
    const response = await run("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=a&password=b&csrfToken=c",
    });
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});
