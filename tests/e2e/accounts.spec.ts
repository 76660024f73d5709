import { randomUUID } from "node:crypto";
import { createPrisma } from "../../server/db/create-prisma";
import { hashPassword } from "../../server/auth/password";
import { E2E_BASE_URL, E2E_DATABASE_URL } from "../../playwright.config";
import {
  DEMO_STORY_SLUG,
  demoUser,
  expect,
  seriousAxeViolations,
  signedInPage,
  test,
  watchCsp,
} from "../support/e2e/test";
import { SignInPage } from "../support/e2e/pages/sign-in-page";
import { UsersPage } from "../support/e2e/pages/users-page";

const PASSWORD = "a long enough password";

/** A new person in the test database with a password, so tests that change them leave the demo users alone. */
async function createPerson(
  role: "admin" | "editor" | "reviewer",
  password: string,
): Promise<{ email: string; name: string }> {
  const prisma = createPrisma(E2E_DATABASE_URL);
  try {
    const email = `person-${randomUUID()}@example.org`;
    const name = `Person ${email.slice(7, 13)}`;
    await prisma.user.create({ data: { email, name, role, passwordHash: await hashPassword(password) } });
    return { email, name };
  } finally {
    await prisma.$disconnect();
  }
}

test("an admin invites a person, who sets a password through the link in another browser and signs in; disabled, their open session goes to sign-in", async ({
  browser,
  page,
}) => {
  const admin = await signedInPage(browser, demoUser("admin"));
  const users = new UsersPage(admin);
  await users.goto();
  await expect(admin.getByTestId("demo-banner")).toContainText("Demo accounts are enabled");
  // Not pressed here: the other tests sign in as the demo users (integration tests disable them).
  await expect(
    admin.getByRole("region", { name: "Demo accounts" }).getByRole("button", { name: "Disable the demo accounts" }),
  ).toBeVisible();
  expect(await seriousAxeViolations(admin)).toEqual([]);

  const email = `invitee-${randomUUID()}@example.org`;
  // A malformed address is refused with a message screen readers hear.
  await users.inviteEmail.fill("not an address");
  await users.inviteButton.click();
  await expect(admin.getByRole("main").getByRole("alert")).toContainText("Enter an email address");

  const link = await users.invite(email, "reviewer");
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(users.issuedLink).toContainText(`Mail is not configured: pass the link on to ${email} by hand.`);
  await expect(admin.getByTestId("pending-invitations")).toContainText(email);
  await admin.screenshot({ path: test.info().outputPath("users-page.png"), fullPage: true });

  // The invitee, in a browser of their own.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "Join the newsroom" })).toBeVisible();
  await expect(page.getByText("You are invited as reviewer.")).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByLabel("Your name").fill("Nadia Invitee");
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Repeat the new password").fill("short");
  await page.getByRole("button", { name: "Join and sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("at least 12 characters");
  await page.screenshot({ path: test.info().outputPath("invite-page.png"), fullPage: true });
  await page.getByLabel("New password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Repeat the new password").fill(PASSWORD);
  await page.getByRole("button", { name: "Join and sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("link", { name: /Nadia Invitee · reviewer/ })).toBeVisible();

  // The link worked once.
  const again = await page.context().browser()!.newContext();
  await watchCsp(again);
  const stranger = await again.newPage();
  await stranger.goto(new URL(link).pathname);
  await expect(stranger.getByRole("main").getByRole("alert")).toContainText("already been used");

  // The admin disables Nadia: her open session is sent to sign-in at her next navigation.
  await users.goto();
  const row = users.row(email);
  await row.getByRole("button", { name: "Disable Nadia Invitee" }).click();
  await expect(row.getByRole("status")).toContainText("Nadia Invitee is disabled");
  await expect(row.getByText("disabled", { exact: true })).toBeVisible();
  await page.goto("/account");
  await page.waitForURL(/\/signin/);
  const signIn = new SignInPage(page);
  await signIn.signIn(email, PASSWORD);
  await expect(signIn.error).toContainText("Wrong email or password");

  // Enabled again, she signs in.
  await row.getByRole("button", { name: "Enable Nadia Invitee" }).click();
  await expect(row.getByRole("status")).toContainText("enabled again");
  await signIn.signIn(email, PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
});

test("an admin disables an editor whose workspace is open: within seconds it says so and stops, and they cannot sign in", async ({
  browser,
  page,
}) => {
  const editor = await createPerson("editor", PASSWORD);
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(editor.email, PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await page.goto(`/stories/${DEMO_STORY_SLUG}/edit`);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();

  const admin = await signedInPage(browser, demoUser("admin"));
  const users = new UsersPage(admin);
  await users.goto();
  const row = users.row(editor.email);
  await row.getByRole("button", { name: `Disable ${editor.name}` }).click();
  await expect(row.getByRole("status")).toContainText(`${editor.name} is disabled`);
  const disabledAt = Date.now();

  await expect(page.getByRole("alert").filter({ hasText: "Your account has been disabled" })).toBeVisible({
    timeout: 5_000,
  });
  expect(Date.now() - disabledAt).toBeLessThan(5_000);
  await expect(page.getByText("Not connected", { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("disabled-workspace.png"), fullPage: true });

  await page.goto("/account");
  await page.waitForURL(/\/signin/);
  await signIn.signIn(editor.email, PASSWORD);
  await expect(signIn.error).toContainText("Wrong email or password");
});

test("an admin cannot disable themselves; a reset link sets a new password", async ({ browser, page }) => {
  const admin = await signedInPage(browser, demoUser("admin"));
  const users = new UsersPage(admin);
  await users.goto();
  await expect(users.row(demoUser("admin").email).getByRole("button", { name: /Disable/ })).toHaveCount(0);

  const person = await createPerson("editor", PASSWORD);
  await users.goto();
  await users
    .row(person.email)
    .getByRole("button", { name: `Reset link for ${person.name}` })
    .click();
  const link = await users.issuedLink.getByRole("textbox").inputValue();
  expect(link).toMatch(/\/reset-password\//);

  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "Set your password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("a brand new password");
  await page.getByLabel("Repeat the new password").fill("a brand new password");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("link", { name: new RegExp(`${person.name} · editor`) })).toBeVisible();
});

test("a person changes their own password: the current one is required, and sessions elsewhere end", async ({
  browser,
  page,
}) => {
  const person = await createPerson("editor", PASSWORD);
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(person.email, PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));

  // The same person in another browser.
  const elsewhereContext = await browser.newContext();
  await watchCsp(elsewhereContext);
  const elsewhere = await elsewhereContext.newPage();
  const otherSignIn = new SignInPage(elsewhere);
  await otherSignIn.goto();
  await otherSignIn.signIn(person.email, PASSWORD);
  await elsewhere.waitForURL((url) => !url.pathname.startsWith("/signin"));

  await page.getByRole("link", { name: new RegExp(person.name) }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password", { exact: true }).fill("my new long password");
  await page.getByLabel("Repeat the new password").fill("my new long password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("The current password is wrong.");

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Password changed");
  await page.screenshot({ path: test.info().outputPath("account-page.png"), fullPage: true });
  // This browser stays signed in; the other one is sent to sign-in at its next navigation.
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await elsewhere.goto("/account");
  await elsewhere.waitForURL(/\/signin/);
  await otherSignIn.signIn(person.email, PASSWORD);
  await expect(otherSignIn.error).toContainText("Wrong email or password");
  await otherSignIn.signIn(person.email, "my new long password");
  await elsewhere.waitForURL((url) => !url.pathname.startsWith("/signin"));
});

test("the people routes check the session and the role on the server", async ({ browser, request }) => {
  const json = { origin: E2E_BASE_URL, "content-type": "application/json" };
  // Signed out.
  expect(
    (await request.post("/api/users", { headers: json, data: { email: "x@example.org", role: "admin" } })).status(),
  ).toBe(401);
  expect(
    (
      await request.post("/api/account/password", { headers: json, data: { currentPassword: "a", newPassword: "b" } })
    ).status(),
  ).toBe(401);
  expect(
    (
      await request.post("/api/account-links", {
        headers: json,
        data: { kind: "invitation", token: "nope", name: "X", password: PASSWORD },
      })
    ).status(),
  ).toBe(404);

  // An editor cannot invite, disable or issue reset links.
  const editor = await signedInPage(browser, demoUser("editor"));
  const admin = demoUser("admin");
  const prisma = createPrisma(E2E_DATABASE_URL);
  const adminId = (await prisma.user.findUniqueOrThrow({ where: { email: admin.email } })).id;
  await prisma.$disconnect();
  const asEditor = editor.request;
  expect(
    (await asEditor.post("/api/users", { headers: json, data: { email: "x@example.org", role: "admin" } })).status(),
  ).toBe(403);
  expect((await asEditor.patch(`/api/users/${adminId}`, { headers: json, data: { disabled: true } })).status()).toBe(
    403,
  );
  expect((await asEditor.post(`/api/users/${adminId}/reset-link`, { headers: json, data: {} })).status()).toBe(403);

  // An admin cannot disable themselves; a malformed body is refused with 400.
  const adminPage = await signedInPage(browser, admin);
  const disableSelf = await adminPage.request.patch(`/api/users/${adminId}`, {
    headers: json,
    data: { disabled: true },
  });
  expect(disableSelf.status()).toBe(403);
  expect(await disableSelf.json()).toEqual({ error: "You cannot disable yourself." });
  expect(
    (await adminPage.request.patch(`/api/users/${adminId}`, { headers: json, data: { disabled: "yes" } })).status(),
  ).toBe(400);
});
