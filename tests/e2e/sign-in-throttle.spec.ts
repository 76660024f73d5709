import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { E2E_BASE_URL } from "../../playwright.config";
import { SignInPage } from "../support/e2e/pages/sign-in-page";
import { expect, test } from "../support/e2e/test";

// The account rule allows 5 failures, then 5 s, doubling; the address rule 20 (lib/auth/sign-in-throttle.ts).
// Each test signs in as an email nobody has: throttling never depends on whether an account exists, and
// the demo accounts stay usable for the rest of the suite.

test("after five wrong passwords the sign-in page says how long to wait, and lets the person try again after it", async ({
  page,
}) => {
  const email = `nobody-${randomUUID()}@corroborate.local`;
  const signIn = new SignInPage(page);
  await signIn.goto();
  for (let i = 0; i < 5; i++) {
    await signIn.signIn(email, `guess-${i}`);
    await expect(signIn.error).toHaveText("Wrong email or password.");
  }
  await signIn.signIn(email, "guess-5");
  await expect(signIn.throttled).toHaveText(/^Too many attempts; try again in [1-5] seconds?\.$/);
  await expect(signIn.submit).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath("sign-in-throttled.png") });
  // The message counts down and goes; then a password is checked again, and the next failure waits longer.
  await expect(signIn.throttled).toHaveCount(0, { timeout: 8_000 });
  await expect(signIn.submit).toBeEnabled();
  await signIn.signIn(email, "guess-6");
  await expect(signIn.error).toHaveText("Wrong email or password.");
  await signIn.signIn(email, "guess-7");
  await expect(signIn.throttled).toHaveText(/^Too many attempts; try again in (9|10) seconds\.$/);
});

/** A sign-in attempt through next-auth's own endpoints, as its client makes it, from `address`. */
async function attempt(request: APIRequestContext, email: string, address: string): Promise<string | null> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    headers: { origin: E2E_BASE_URL, "x-forwarded-for": address },
    form: { email, password: "wrong", csrfToken, json: "true" },
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

test("an address that tries twenty accounts must wait before the next, whichever account it is", async ({
  request,
}) => {
  // A documentation address (TEST-NET-3), named as a reverse proxy in front of the app would name it.
  const address = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
  for (let i = 0; i < 20; i++)
    expect(await attempt(request, `nobody-${i}-${randomUUID()}@corroborate.local`, address)).toBe("CredentialsSignin");
  const fresh = `nobody-${randomUUID()}@corroborate.local`;
  expect(await attempt(request, fresh, address)).toMatch(/^SignInThrottled:[1-5]$/);
  // The same account from elsewhere is not held back: it was not the account that failed.
  expect(await attempt(request, fresh, "198.51.100.1")).toBe("CredentialsSignin");
});
