/** How many failed sign-ins one key (an account, an address) may have before it must wait, and how long. */
export interface ThrottleRule {
  /** Failures in a row that cost no wait: the next attempt after that many waits. */
  freeFailures: number;
  /** The wait after `freeFailures` failures; each further failure doubles it. */
  firstDelayMs: number;
  /** The longest wait. */
  maxDelayMs: number;
  /** A key whose last failure is this old starts again from nothing. */
  forgetAfterMs: number;
}

/** Per account (the email as typed, known or not): a person who mistypes a few times barely notices. */
export const ACCOUNT_RULE: ThrottleRule = {
  freeFailures: 5,
  firstDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

/** Per address: a newsroom's people may share one, so it allows more before the waits begin. */
export const ADDRESS_RULE: ThrottleRule = {
  freeFailures: 20,
  firstDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

/**
 * The wait that `failures` failures in a row earn under `rule` before the next attempt, in milliseconds:
 * none below `freeFailures`, then `firstDelayMs`, doubling with each further failure, at most `maxDelayMs`.
 *
 * @example
 * delayAfter(ACCOUNT_RULE, 4) // 0
 * delayAfter(ACCOUNT_RULE, 5) // 5_000
 * delayAfter(ACCOUNT_RULE, 7) // 20_000
 */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  const over = failures - rule.freeFailures;
  if (over < 0) return 0;
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** Math.min(over, 30));
}

interface KeyState {
  failures: number;
  lastFailureAt: number;
}

/** A sign-in attempt let through, to settle with `succeeded` or `failed` once the password was checked. */
export interface SignInAttempt {
  readonly keys: ReadonlyArray<{ key: string; rule: ThrottleRule }>;
}

/** The outcome of asking to try a password. */
export type ThrottleDecision = { allowed: true; attempt: SignInAttempt } | { allowed: false; retryAfterMs: number };

/**
 * Sign-in throttling by several keys at once (an account and the address it is tried from), with growing
 * waits. An attempt counts as a failure from the moment it is let through, before the password is checked:
 * a burst of parallel attempts is throttled at once instead of each paying for a bcrypt comparison first.
 * A success takes its own count back, and clears an account's failures (the person knew the password).
 *
 * Refused attempts do not count, so the wait a key has earned ends when it says. State is kept in memory,
 * for at most `maxKeys` keys (the oldest are dropped first, so a flood of made-up emails cannot grow it
 * without bound). Time is passed in, so the rule is tested without waiting.
 */
export class SignInThrottle {
  private readonly state = new Map<string, KeyState>();

  constructor(private readonly maxKeys = 100_000) {}

  /** Whether an attempt on all these keys may go ahead now, and if not, in how many milliseconds. */
  attempt(keys: ReadonlyArray<{ key: string; rule: ThrottleRule }>, now: number): ThrottleDecision {
    let retryAfterMs = 0;
    for (const { key, rule } of keys) {
      const state = this.current(key, rule, now);
      if (!state) continue;
      const wait = state.lastFailureAt + delayAfter(rule, state.failures) - now;
      retryAfterMs = Math.max(retryAfterMs, wait);
    }
    if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
    for (const { key, rule } of keys) {
      const state = this.current(key, rule, now) ?? { failures: 0, lastFailureAt: now };
      this.state.delete(key); // re-inserted last: the Map's order is the order keys were last used in
      this.state.set(key, { failures: state.failures + 1, lastFailureAt: now });
    }
    this.evict();
    return { allowed: true, attempt: { keys } };
  }

  /**
   * The attempt's password was right: its own count is taken back from every key, and keys for which
   * `clear` says so (the account) forget their failures.
   */
  succeeded(attempt: SignInAttempt, clear: (key: string) => boolean): void {
    for (const { key } of attempt.keys) {
      const state = this.state.get(key);
      if (!state) continue;
      if (clear(key) || state.failures <= 1) this.state.delete(key);
      else state.failures -= 1;
    }
  }

  /** The number of keys held, for tests and monitoring. */
  get size(): number {
    return this.state.size;
  }

  private current(key: string, rule: ThrottleRule, now: number): KeyState | undefined {
    const state = this.state.get(key);
    if (state && now - state.lastFailureAt >= rule.forgetAfterMs) {
      this.state.delete(key);
      return undefined;
    }
    return state;
  }

  private evict(): void {
    for (const key of this.state.keys()) {
      if (this.state.size <= this.maxKeys) return;
      this.state.delete(key);
    }
  }
}

const THROTTLED_CODE = "SignInThrottled";

/**
 * The error a refused sign-in carries through next-auth to the sign-in form (next-auth passes a thrown
 * error's message on as `error`): a code and the whole seconds to wait, at least 1.
 */
export function throttledSignInError(retryAfterMs: number): string {
  return `${THROTTLED_CODE}:${Math.max(1, Math.ceil(retryAfterMs / 1000))}`;
}

/** The seconds to wait from a sign-in error, or null when the error is not a throttled sign-in. */
export function throttledSignInSeconds(error: string | null | undefined): number | null {
  const match = /^SignInThrottled:(\d{1,6})$/.exec(error ?? "");
  return match ? Number(match[1]) : null;
}

/** What the sign-in page says while a sign-in is throttled. */
export function describeThrottledSignIn(seconds: number): string {
  return `Too many attempts; try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`;
}
