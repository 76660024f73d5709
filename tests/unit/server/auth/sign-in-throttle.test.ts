import { describe, expect, it } from "vitest";
import { beginSignIn, signInAddress, signInSucceeded } from "@/server/auth/sign-in-throttle";

describe("signInAddress", () => {
  it("takes the last X-Forwarded-For entry: the one Next or the reverse proxy in front of it wrote", () => {
    expect(signInAddress({ "x-forwarded-for": "127.0.0.1" })).toBe("127.0.0.1");
    expect(signInAddress({ "x-forwarded-for": "198.51.100.9, 203.0.113.7" })).toBe("203.0.113.7");
    expect(signInAddress({ "x-forwarded-for": ["198.51.100.9", "203.0.113.8"] })).toBe("203.0.113.8");
  });

  it("reads an IPv4 address mapped into IPv6 as the IPv4 address, and IPv6 in lower case", () => {
    expect(signInAddress({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(signInAddress({ "x-forwarded-for": "2001:DB8::1" })).toBe("2001:db8::1");
  });

  it("says unknown when there is no address", () => {
    expect(signInAddress(undefined)).toBe("unknown");
    expect(signInAddress({})).toBe("unknown");
    expect(signInAddress({ "x-forwarded-for": " " })).toBe("unknown");
  });
});

describe("beginSignIn", () => {
  it("throttles by account and by address in one process-wide throttle", () => {
    const email = `unit-${Math.random()}@corroborate.local`;
    for (let i = 0; i < 5; i++) expect(beginSignIn(email, `192.0.2.${i}`, 0).allowed).toBe(true);
    const refused = beginSignIn(email, "192.0.2.200", 0);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 5_000 });
  });

  it("forgets the account's failures after a right password", () => {
    const email = `unit-${Math.random()}@corroborate.local`;
    for (let i = 0; i < 4; i++) beginSignIn(email, "192.0.2.1", 0);
    const right = beginSignIn(email, "192.0.2.1", 0);
    if (!right.allowed) throw new Error("expected the fifth attempt through");
    signInSucceeded(right.attempt);
    for (let i = 0; i < 5; i++) expect(beginSignIn(email, `198.51.100.${i}`, 0).allowed).toBe(true);
  });
});
