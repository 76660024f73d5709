import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { describeSignInError } from "../../lib/auth/sso";
import { createPrisma } from "../../server/db/create-prisma";
import { E2E_BASE_URL, E2E_DATABASE_URL, E2E_OIDC_ISSUER } from "../../playwright.config";
import { SSO_TEST_ACCOUNTS, SSO_TEST_NAME, type SsoTestAccount } from "../oidc/accounts";
import { expect, test } from "../support/e2e/test";

// Single sign-on against a real OpenID Connect provider (oidc-provider, tests/oidc/), which Playwright starts
// beside the app: the browser goes to the provider, logs in there and comes back through next-auth's callback.

const HOUR = 60 * 60 * 1000;

/** Invites an email as an admin would (only the hash of the link's secret is stored; SSO needs no secret). */
async function invite(email: string, role: "editor" | "reviewer"): Promise<string> {
  const prisma = createPrisma(E2E_DATABASE_URL);
  try {
    const admin = await prisma.user.findFirst({ where: { role: "admin" }, select: { id: true } });
    const link = await prisma.accountLink.create({
      data: {
        kind: "invitation",
        tokenHash: `e2e-sso-${randomUUID()}`,
        email,
        role,
        issuedById: admin?.id ?? null,
        expiresAt: new Date(Date.now() + 24 * HOUR),
      },
    });
    return link.id;
  } finally {
    await prisma.$disconnect();
  }
}

async function readDatabase<T>(read: (prisma: ReturnType<typeof createPrisma>) => Promise<T>): Promise<T> {
  const prisma = createPrisma(E2E_DATABASE_URL);
  try {
    return await read(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * From the sign-in page: "Sign in with Newsroom ID", the provider's login (any password), its consent when it
 * asks (a browser without a session there), then back to the app.
 */
async function signInWithProvider(page: Page, account: SsoTestAccount): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in with ${SSO_TEST_NAME}` }).click();
  await page.waitForURL((url) => url.origin === E2E_OIDC_ISSUER && url.pathname.startsWith("/interaction/"));
  await page.locator('input[name="login"]').fill(account.sub);
  await page.locator('input[name="password"]').fill("any password will do");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  const backInApp = page.waitForURL((url) => url.origin === E2E_BASE_URL, { timeout: 20_000 });
  await Promise.race([consent.waitFor({ timeout: 20_000 }).then(() => consent.click()), backInApp]);
  await backInApp;
}

async function sessionUser(page: Page): Promise<{ id: string; name: string; email: string; role: string } | undefined> {
  const response = await page.request.get("/api/auth/session");
  return ((await response.json()) as { user?: { id: string; name: string; email: string; role: string } }).user;
}

test("an invited person signs in with the provider, gets the invited role, uses the invitation, and signs in again", async ({
  browser,
}) => {
  const person = SSO_TEST_ACCOUNTS.invited;
  const invitationId = await invite(person.email, "reviewer");

  const first = await (await browser.newContext()).newPage();
  await signInWithProvider(first, person);
  await expect(first).toHaveURL(`${E2E_BASE_URL}/`);
  await expect(first.getByText(`${person.name} · reviewer`)).toBeVisible();

  const created = await readDatabase((prisma) => prisma.user.findUniqueOrThrow({ where: { email: person.email } }));
  expect(created).toMatchObject({ name: person.name, role: "reviewer", passwordHash: null, disabledAt: null });
  // The session carries the person's id and role, as a password sign-in's does.
  expect(await sessionUser(first)).toEqual({
    id: created.id,
    name: person.name,
    email: person.email,
    role: "reviewer",
  });
  const link = await readDatabase((prisma) => prisma.accountLink.findUniqueOrThrow({ where: { id: invitationId } }));
  expect(link.usedAt).not.toBeNull();

  // A second sign-in, in another browser: the same person, no second account, the invitation not needed.
  const second = await (await browser.newContext()).newPage();
  await signInWithProvider(second, person);
  await expect(second).toHaveURL(`${E2E_BASE_URL}/`);
  expect(await sessionUser(second)).toEqual({
    id: created.id,
    name: person.name,
    email: person.email,
    role: "reviewer",
  });
  expect(await readDatabase((prisma) => prisma.user.count({ where: { email: person.email } }))).toBe(1);
});

test("someone nobody invited is refused with a message and gets no session", async ({ page }) => {
  await signInWithProvider(page, SSO_TEST_ACCOUNTS.stranger);
  await expect(page).toHaveURL(/\/signin\?error=AccessDenied$/);
  await expect(page.locator("form").getByRole("alert")).toHaveText(describeSignInError("AccessDenied", SSO_TEST_NAME)!);
  expect(await sessionUser(page)).toBeUndefined();
  expect(
    await readDatabase((prisma) => prisma.user.count({ where: { email: SSO_TEST_ACCOUNTS.stranger.email } })),
  ).toBe(0);
});

test("an email the provider has not verified is refused even when invited, and the invitation stays unused", async ({
  page,
}) => {
  const person = SSO_TEST_ACCOUNTS.unverified;
  const invitationId = await invite(person.email, "editor");
  await signInWithProvider(page, person);
  await expect(page).toHaveURL(/\/signin\?error=SsoEmailUnverified$/);
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    describeSignInError("SsoEmailUnverified", SSO_TEST_NAME)!,
  );
  expect(await sessionUser(page)).toBeUndefined();
  const link = await readDatabase((prisma) => prisma.accountLink.findUniqueOrThrow({ where: { id: invitationId } }));
  expect(link.usedAt).toBeNull();
  expect(await readDatabase((prisma) => prisma.user.count({ where: { email: person.email } }))).toBe(0);
});

test("an existing person signs in with the provider as themselves", async ({ page }) => {
  const maya = await readDatabase((prisma) =>
    prisma.user.findUniqueOrThrow({
      where: { email: SSO_TEST_ACCOUNTS.demoEditor.email },
      select: { id: true, role: true },
    }),
  );
  await signInWithProvider(page, SSO_TEST_ACCOUNTS.demoEditor);
  await expect(page).toHaveURL(`${E2E_BASE_URL}/`);
  expect(await sessionUser(page)).toMatchObject({ id: maya.id, role: maya.role });
});
