import { describe, expect, it } from "vitest";
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  delayAfter,
  describeThrottledSignIn,
  SignInThrottle,
  throttledSignInError,
  throttledSignInSeconds,
  type ThrottleRule,
} from "@/lib/auth/sign-in-throttle";

const RULE: ThrottleRule = { freeFailures: 3, firstDelayMs: 1_000, maxDelayMs: 8_000, forgetAfterMs: 60_000 };
const ACCOUNT = (email: string) => ({ key: `account:${email}`, rule: RULE });
const ADDRESS = (ip: string) => ({ key: `address:${ip}`, rule: { ...RULE, freeFailures: 6 } });
const isAccount = (key: string) => key.startsWith("account:");

/** Fails `count` attempts in a row at `now`, expecting each to be let through. */
function fail(
  throttle: SignInThrottle,
  keys: Parameters<SignInThrottle["attempt"]>[0],
  count: number,
  now: number,
): void {
  for (let i = 0; i < count; i++) expect(throttle.attempt(keys, now).allowed).toBe(true);
}

function retryAfter(throttle: SignInThrottle, keys: Parameters<SignInThrottle["attempt"]>[0], now: number): number {
  const decision = throttle.attempt(keys, now);
  return decision.allowed ? 0 : decision.retryAfterMs;
}

describe("delayAfter", () => {
  it("costs nothing for the free failures, then doubles up to the longest wait", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((failures) => delayAfter(RULE, failures))).toEqual([
      0, 0, 0, 1_000, 2_000, 4_000, 8_000, 8_000,
    ]);
  });

  it("never overflows for a huge count", () => {
    expect(delayAfter(RULE, 10_000)).toBe(8_000);
  });

  it("gives an account 5 free attempts and an address 20, then 5 s, doubling to 15 minutes", () => {
    expect(delayAfter(ACCOUNT_RULE, 4)).toBe(0);
    expect(delayAfter(ACCOUNT_RULE, 5)).toBe(5_000);
    expect(delayAfter(ACCOUNT_RULE, 6)).toBe(10_000);
    expect(delayAfter(ACCOUNT_RULE, 50)).toBe(15 * 60_000);
    expect(delayAfter(ADDRESS_RULE, 19)).toBe(0);
    expect(delayAfter(ADDRESS_RULE, 20)).toBe(5_000);
  });
});

describe("SignInThrottle", () => {
  it("lets the free attempts through, then refuses until the wait is over, with growing waits", () => {
    const throttle = new SignInThrottle();
    const keys = [ACCOUNT("maya@corroborate.local")];
    fail(throttle, keys, 3, 0);
    expect(retryAfter(throttle, keys, 0)).toBe(1_000);
    expect(retryAfter(throttle, keys, 600)).toBe(400);
    // Refused attempts do not count: the wait ends when it said.
    fail(throttle, keys, 1, 1_000);
    expect(retryAfter(throttle, keys, 1_000)).toBe(2_000);
    fail(throttle, keys, 1, 3_000);
    expect(retryAfter(throttle, keys, 3_000)).toBe(4_000);
  });

  it("counts an attempt from the moment it is let through, so a parallel burst is cut off before any password is checked", () => {
    const throttle = new SignInThrottle();
    const keys = [ACCOUNT("maya@corroborate.local")];
    const burst = Array.from({ length: 10 }, () => throttle.attempt(keys, 0));
    expect(burst.filter((decision) => decision.allowed)).toHaveLength(3);
  });

  it("forgets an account's failures when its password is right, and the attempt no longer counts against the address", () => {
    const throttle = new SignInThrottle();
    const address = ADDRESS("203.0.113.7");
    fail(throttle, [ACCOUNT("maya@corroborate.local"), address], 2, 0);
    const right = throttle.attempt([ACCOUNT("maya@corroborate.local"), address], 0);
    if (!right.allowed) throw new Error("expected the third attempt through");
    throttle.succeeded(right.attempt, isAccount);
    // Maya starts again from nothing; the address keeps her two failures only.
    fail(throttle, [ACCOUNT("maya@corroborate.local")], 3, 0);
    fail(throttle, [address], 4, 0);
    expect(retryAfter(throttle, [address], 0)).toBe(1_000);
  });

  it("lets many people behind one address sign in: successes do not use up the address", () => {
    const throttle = new SignInThrottle();
    const address = ADDRESS("198.51.100.1");
    for (let i = 0; i < 100; i++) {
      const decision = throttle.attempt([ACCOUNT(`person${i}@corroborate.local`), address], i);
      if (!decision.allowed) throw new Error(`person ${i} was refused`);
      throttle.succeeded(decision.attempt, isAccount);
    }
  });

  it("throttles an address trying many accounts, though no account reaches its own limit", () => {
    const throttle = new SignInThrottle();
    const address = ADDRESS("198.51.100.2");
    for (let i = 0; i < 6; i++)
      expect(throttle.attempt([ACCOUNT(`guess${i}@corroborate.local`), address], 0).allowed).toBe(true);
    expect(retryAfter(throttle, [ACCOUNT("another@corroborate.local"), address], 0)).toBe(1_000);
    // The refused attempt did not count against that account.
    fail(throttle, [ACCOUNT("another@corroborate.local")], 3, 0);
  });

  it("throttles an account tried from many addresses", () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 3; i++)
      expect(throttle.attempt([ACCOUNT("rosa@corroborate.local"), ADDRESS(`192.0.2.${i}`)], 0).allowed).toBe(true);
    expect(retryAfter(throttle, [ACCOUNT("rosa@corroborate.local"), ADDRESS("192.0.2.99")], 0)).toBe(1_000);
  });

  it("treats an email nobody has like any other: the rule knows nothing of accounts", () => {
    const throttle = new SignInThrottle();
    fail(throttle, [ACCOUNT("nobody@corroborate.local")], 3, 0);
    expect(retryAfter(throttle, [ACCOUNT("nobody@corroborate.local")], 0)).toBe(1_000);
  });

  it("starts a key again from nothing once its last failure is old enough", () => {
    const throttle = new SignInThrottle();
    const keys = [ACCOUNT("tom@corroborate.local")];
    fail(throttle, keys, 3, 0);
    fail(throttle, keys, 1, 1_000);
    fail(throttle, keys, 3, 1_000 + RULE.forgetAfterMs);
  });

  it("holds at most maxKeys keys, dropping the least recently used", () => {
    const throttle = new SignInThrottle(100);
    fail(throttle, [ACCOUNT("kept@corroborate.local")], 3, 0);
    for (let i = 0; i < 99; i++) throttle.attempt([ACCOUNT(`flood${i}@corroborate.local`)], 0);
    expect(throttle.size).toBe(100);
    expect(retryAfter(throttle, [ACCOUNT("kept@corroborate.local")], 0)).toBe(1_000);
    for (let i = 99; i < 1_000; i++) throttle.attempt([ACCOUNT(`flood${i}@corroborate.local`)], 0);
    expect(throttle.size).toBe(100);
  });
});

describe("the throttled sign-in error", () => {
  it("carries whole seconds to the form, at least one", () => {
    expect(throttledSignInError(5_000)).toBe("SignInThrottled:5");
    expect(throttledSignInError(4_001)).toBe("SignInThrottled:5");
    expect(throttledSignInError(10)).toBe("SignInThrottled:1");
    expect(throttledSignInSeconds(throttledSignInError(900_000))).toBe(900);
  });

  it("is not read into other errors", () => {
    for (const error of [
      null,
      undefined,
      "",
      "CredentialsSignin",
      "SignInThrottled:",
      "SignInThrottled:abc",
      "xSignInThrottled:5",
    ]) {
      expect(throttledSignInSeconds(error)).toBeNull();
    }
  });

  it("reads as the sign-in page says it", () => {
    expect(describeThrottledSignIn(12)).toBe("Too many attempts; try again in 12 seconds.");
    expect(describeThrottledSignIn(1)).toBe("Too many attempts; try again in 1 second.");
  });
});
