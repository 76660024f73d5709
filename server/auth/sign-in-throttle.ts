import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  SignInThrottle,
  type SignInAttempt,
  type ThrottleDecision,
} from "../../lib/auth/sign-in-throttle";

const ACCOUNT = "account:";
const ADDRESS = "address:";

// One throttle per app process, kept across hot reloads in development. A newsroom running several app
// processes behind a load balancer gets one allowance per process.
const globalForThrottle = globalThis as typeof globalThis & { corroborateSignInThrottle?: SignInThrottle };
const throttle = (globalForThrottle.corroborateSignInThrottle ??= new SignInThrottle());

/**
 * The address a sign-in comes from: the last entry of X-Forwarded-For, which Next fills with the socket's
 * address when the request has none, and which a reverse proxy in front of the app appends to (so the last
 * entry is the one it saw). Reached directly, a client can name its own address here: the per-account limit
 * still holds. "unknown" when there is none.
 */
export function signInAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "");
  const last = value.split(",").at(-1)?.trim().toLowerCase() ?? "";
  return last.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "") || "unknown";
}

/**
 * Asks to check a password for `email` (as typed, lowercased; an unknown email is throttled like a known
 * one, so the answer tells nothing about which exist) from `address`, now. When allowed, report the outcome
 * with `signInSucceeded`; a failure needs no report (every attempt counts as one until it succeeds).
 */
export function beginSignIn(email: string, address: string, now = Date.now()): ThrottleDecision {
  return throttle.attempt(
    [
      { key: `${ACCOUNT}${email}`, rule: ACCOUNT_RULE },
      { key: `${ADDRESS}${address}`, rule: ADDRESS_RULE },
    ],
    now,
  );
}

/** The password was right: the account's failures are forgotten, and this attempt no longer counts against its address. */
export function signInSucceeded(attempt: SignInAttempt): void {
  throttle.succeeded(attempt, (key) => key.startsWith(ACCOUNT));
}
