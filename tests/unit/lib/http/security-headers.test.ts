import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, mayBeFramed, securityHeaders } from "@/lib/http/security-headers";

const HTTP = { nonce: "bm9uY2U=", collabUrl: "ws://localhost:1234", https: false };

/** The policy as a map of directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split("; ").map((directive) => {
      const [name = "", ...sources] = directive.split(" ");
      return [name, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("runs only scripts with this response's nonce, and what they load", () => {
    const policy = directives(contentSecurityPolicy(HTTP));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(contentSecurityPolicy(HTTP)).not.toContain("unsafe-eval");
  });

  it("needs the nonce on <style> elements but allows style attributes", () => {
    const policy = directives(contentSecurityPolicy(HTTP));
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("lets pages connect to the collaboration server, by its origin", () => {
    expect(directives(contentSecurityPolicy(HTTP)).get("connect-src")).toEqual(["'self'", "ws://localhost:1234"]);
    const behindProxy = contentSecurityPolicy({
      ...HTTP,
      collabUrl: "wss://collab.newsroom.example/socket",
      https: true,
    });
    expect(directives(behindProxy).get("connect-src")).toEqual(["'self'", "wss://collab.newsroom.example"]);
  });

  it("forbids framing and posting forms elsewhere", () => {
    const policy = directives(contentSecurityPolicy(HTTP));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
  });

  it("upgrades insecure requests only under https (over http it would turn ws:// into wss://)", () => {
    expect(directives(contentSecurityPolicy(HTTP)).has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy({ ...HTTP, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("allows what next dev needs in development only", () => {
    const policy = directives(contentSecurityPolicy({ ...HTTP, development: true }));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("securityHeaders", () => {
  it("sends the usual defences on every response", () => {
    const headers = new Map(securityHeaders(HTTP));
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("X-Frame-Options")).toBe("DENY");
    expect(headers.get("Content-Security-Policy")).toBe(contentSecurityPolicy(HTTP));
  });

  it("sends HSTS only under https", () => {
    expect(new Map(securityHeaders(HTTP)).has("Strict-Transport-Security")).toBe(false);
    expect(new Map(securityHeaders({ ...HTTP, https: true })).get("Strict-Transport-Security")).toMatch(
      /^max-age=\d{8}; includeSubDomains$/,
    );
  });
});

describe("embeds", () => {
  it("are the only paths that may be framed", () => {
    expect(mayBeFramed("/embed/claims/claim-1-abc")).toBe(true);
    for (const path of [
      "/",
      "/stories/cia-videos",
      "/stories/x/edit",
      "/embed",
      "/embedded/x",
      "/api/oembed",
      "/signin",
    ])
      expect(mayBeFramed(path), path).toBe(false);
  });

  it("may be framed by any site, and keep every other defence", () => {
    const embed = { ...HTTP, framable: true };
    const policy = directives(contentSecurityPolicy(embed));
    expect(policy.get("frame-ancestors")).toEqual(["*"]);
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    const headers = new Map(securityHeaders(embed));
    expect(headers.has("X-Frame-Options")).toBe(false);
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Content-Security-Policy")).toBe(contentSecurityPolicy(embed));
  });

  it("are not framable unless asked", () => {
    expect(directives(contentSecurityPolicy({ ...HTTP, framable: false })).get("frame-ancestors")).toEqual(["'none'"]);
    expect(new Map(securityHeaders({ ...HTTP, framable: false })).get("X-Frame-Options")).toBe("DENY");
  });
});

describe("createNonce", () => {
  it("gives 128 random bits in base64, different each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
