import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

const ORIGIN = "http://localhost:3000";

describe("safeCallbackPath", () => {
  it.each([
    ["/", "/"],
    ["/stories/x?y=1", "/stories/x?y=1"],
    ["/stories/cia-videos/edit#claim-1", "/stories/cia-videos/edit#claim-1"],
    ["/admin/users", "/admin/users"],
    // Encoded characters stay encoded: the browser keeps them in the path, on this site.
    ["/%5Cevil.example/", "/%5Cevil.example/"],
    ["/%09/evil", "/%09/evil"],
    ["/stories/a/../b", "/stories/b"],
  ])("follows the same-site path %j", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it.each([
    // What the query string parser hands over for ?callbackUrl=/%5Cevil.example/ and ?callbackUrl=/%09/evil.
    "/\\evil.example/",
    "/\\evil",
    "\\\\evil.example",
    "/\t/evil",
    "/\n/evil",
    "/\r\n/evil",
    "//evil",
    "//evil.example/path",
    "///evil",
    "/..//evil",
    "/.//evil",
    "/%2e%2e//evil",
    "https://evil",
    "http://localhost:3000/stories",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    " /stories",
    "",
    "/".padEnd(3000, "a"),
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("refuses what is not a string", () => {
    for (const value of [undefined, null, 42, ["/stories"], { href: "/stories" }])
      expect(safeCallbackPath(value)).toBe("/");
  });

  it("gives the fallback asked for", () => {
    expect(safeCallbackPath("//evil", "/review")).toBe("/review");
  });

  describe("with the site's origin (next-auth's redirect callback)", () => {
    it("turns an absolute URL on the site into its path", () => {
      expect(safeCallbackPath("http://localhost:3000/stories/x?y=1", "/", ORIGIN)).toBe("/stories/x?y=1");
      expect(safeCallbackPath("http://localhost:3000", "/", ORIGIN)).toBe("/");
    });

    it.each([
      "https://evil",
      "http://localhost:3001/stories",
      "https://localhost:3000/stories",
      "http://localhost:3000.evil.example/",
      "http://evil.example/?http://localhost:3000/",
      "http://localhost:3000//evil.example/",
      "http://localhost:3000/..//evil.example/",
      "javascript:alert(1)",
      "not a url",
    ])("refuses %j", (value) => {
      expect(safeCallbackPath(value, "/", ORIGIN)).toBe("/");
    });

    it("still follows a path", () => {
      expect(safeCallbackPath("/review", "/", ORIGIN)).toBe("/review");
      expect(safeCallbackPath("/\\evil", "/", ORIGIN)).toBe("/");
    });
  });
});
