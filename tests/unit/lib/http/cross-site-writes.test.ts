import { describe, expect, it } from "vitest";
import { localSiteOffPort, refuseCrossSiteWrite, type WriteRequest } from "@/lib/http/cross-site-writes";

const SITE = "http://localhost:3000";

/** A same-origin JSON post from the workspace, as Chromium sends it; each test changes what it is about. */
function request(overrides: Partial<WriteRequest> = {}): WriteRequest {
  return {
    method: "POST",
    pathname: "/api/stories/s1/publish",
    contentType: "application/json",
    origin: SITE,
    secFetchSite: "same-origin",
    ...overrides,
  };
}

describe("refuseCrossSiteWrite", () => {
  it("lets a same-origin JSON request through, whatever the method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"])
      expect(refuseCrossSiteWrite(request({ method }), SITE)).toBeNull();
    expect(refuseCrossSiteWrite(request({ contentType: "application/json; charset=utf-8" }), SITE)).toBeNull();
    expect(refuseCrossSiteWrite(request({ contentType: "Application/JSON" }), SITE)).toBeNull();
  });

  it("accepts Sec-Fetch-Site: same-origin where a browser sent no Origin", () => {
    expect(refuseCrossSiteWrite(request({ origin: null }), SITE)).toBeNull();
  });

  it("leaves reads alone", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(
        refuseCrossSiteWrite(
          request({ method, origin: "https://evil.example", contentType: null, secFetchSite: "cross-site" }),
          SITE,
        ),
      ).toBeNull();
    }
  });

  it("refuses a form post from another site (text/plain, the classic CSRF) with 403", () => {
    const refusal = refuseCrossSiteWrite(
      request({ origin: "https://evil.example", secFetchSite: "cross-site", contentType: "text/plain" }),
      SITE,
    );
    expect(refusal).toEqual({ status: 403, error: expect.stringContaining("did not come from a page of this site") });
  });

  it.each([
    ["another site", "https://evil.example", "cross-site"],
    ["a same-site page on another port", "http://localhost:1234", "same-site"],
    ["a subdomain", "http://news.localhost:3000", "same-site"],
    ["https for an http site", "https://localhost:3000", "cross-site"],
    ["an opaque origin (sandboxed frame, data: URL)", "null", "cross-site"],
    ["a garbled origin", "not an origin", "same-origin"],
  ])("refuses JSON from %s with 403", (_label, origin, secFetchSite) => {
    expect(refuseCrossSiteWrite(request({ origin, secFetchSite }), SITE)?.status).toBe(403);
  });

  it("refuses a request that says where it came from neither way (a script without Origin)", () => {
    expect(refuseCrossSiteWrite(request({ origin: null, secFetchSite: null }), SITE)?.status).toBe(403);
    expect(refuseCrossSiteWrite(request({ origin: null, secFetchSite: "same-site" }), SITE)?.status).toBe(403);
    expect(refuseCrossSiteWrite(request({ origin: null, secFetchSite: "none" }), SITE)?.status).toBe(403);
  });

  it("trusts Origin over Sec-Fetch-Site when both are sent", () => {
    expect(
      refuseCrossSiteWrite(request({ origin: "https://evil.example", secFetchSite: "same-origin" }), SITE)?.status,
    ).toBe(403);
  });

  it.each([
    "text/plain",
    "text/plain;charset=UTF-8",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/jsonp",
    "application/json-patch+json",
    "",
    null,
  ])("refuses a same-origin request with Content-Type %j with 415", (contentType) => {
    expect(refuseCrossSiteWrite(request({ contentType }), SITE)).toEqual({
      status: 415,
      error: expect.stringContaining("JSON"),
    });
  });

  it("leaves next-auth's own endpoints to next-auth (they carry its CSRF token)", () => {
    const signIn = request({
      pathname: "/api/auth/callback/credentials",
      contentType: "application/x-www-form-urlencoded",
      origin: null,
      secFetchSite: null,
    });
    expect(refuseCrossSiteWrite(signIn, SITE)).toBeNull();
    // Only that folder: a look-alike path is checked.
    expect(refuseCrossSiteWrite({ ...signIn, pathname: "/api/authx/callback" }, SITE)?.status).toBe(403);
    expect(refuseCrossSiteWrite({ ...signIn, pathname: "/api/%61uth/callback/credentials" }, SITE)?.status).toBe(403);
  });

  it("refuses everything when the site's own address is not a URL", () => {
    expect(refuseCrossSiteWrite(request({ origin: "not an origin" }), "also not one")?.status).toBe(403);
  });
});

describe("localSiteOffPort", () => {
  it("warns when the site's local address names another port than the app's", () => {
    expect(localSiteOffPort("http://localhost:3000", "3900")).toBe(
      "NEXTAUTH_URL is http://localhost:3000, but the app listens on port 3900: unless a proxy on localhost:3000 forwards to it, its pages can save nothing. Set NEXTAUTH_URL=http://localhost:3900.",
    );
    expect(localSiteOffPort("http://127.0.0.1", "3000")).toMatch(/Set NEXTAUTH_URL=http:\/\/127\.0\.0\.1:3000\.$/);
    expect(localSiteOffPort("http://[::1]:3000", "3900")).toMatch(/Set NEXTAUTH_URL=http:\/\/\[::1\]:3900\.$/);
  });

  it("says nothing when the ports agree, or when the address is another host's or https (a proxy in front)", () => {
    expect(localSiteOffPort("http://localhost:3000", "3000")).toBeNull();
    expect(localSiteOffPort("http://localhost", "80")).toBeNull();
    expect(localSiteOffPort("https://factcheck.example.org", "3000")).toBeNull();
    expect(localSiteOffPort("https://localhost", "3000")).toBeNull();
    expect(localSiteOffPort("not an address", "3000")).toBeNull();
  });
});
