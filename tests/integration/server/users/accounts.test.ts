import { randomUUID } from "node:crypto";
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/server/auth/options";
import type { PrismaClient } from "@/server/db/create-prisma";
import { RequestError } from "@/server/http/request-error";
import { hashLinkSecret } from "@/server/users/account-link-token";
import { inviteUser, issueResetLinkAsAdmin, openAccountLink, redeemAccountLink } from "@/server/users/account-links";
import { activeDemoAccounts, DEMO_USERS, disableDemoAccounts } from "@/server/users/demo-accounts";
import { setUpAdmin } from "@/server/users/first-admin";
import { changeOwnPassword, setUserDisabled } from "@/server/users/manage-people";
import { setUserRole } from "@/server/users/set-user-role";
import { createUser, integrationPrisma } from "../../../support/database";

const prisma = integrationPrisma();
const PASSWORD = "a long enough password";

// The app's Prisma singleton (server/db/prisma.ts) is this run's database, for authOptions' callbacks.
beforeAll(() => {
  (globalThis as unknown as { corroboratePrisma?: PrismaClient }).corroboratePrisma = prisma;
});
afterAll(() => prisma.$disconnect());

const email = () => `person-${randomUUID()}@example.org`;
const secretOf = (path: string) => path.split("/").pop() ?? "";

/** Signs in through next-auth's credentials provider, as the sign-in form does; the user or null. */
async function authorize(address: string, password: string) {
  const provider = authOptions.providers.find((candidate) => candidate.id === "credentials") as unknown as {
    options: {
      authorize: (
        credentials: Record<string, string>,
        request: { headers: Record<string, string> },
      ) => Promise<unknown>;
    };
  };
  return provider.options.authorize(
    { email: address, password },
    { headers: { "x-forwarded-for": `10.0.${Math.floor(Math.random() * 250)}.1` } },
  ) as Promise<{
    id: string;
    role: string;
  } | null>;
}

/** The jwt callback on a request after sign-in: the token, or the error that ends the session. */
async function nextRequest(token: JWT): Promise<JWT> {
  const jwt = authOptions.callbacks?.jwt;
  if (!jwt) throw new Error("no jwt callback");
  return jwt({ token } as Parameters<typeof jwt>[0]);
}

/** The token of a fresh sign-in of `user`. */
async function signedInToken(user: { id: string; role: string; name?: string }): Promise<JWT> {
  const jwt = authOptions.callbacks?.jwt;
  if (!jwt) throw new Error("no jwt callback");
  return jwt({
    token: { sub: user.id },
    user: { id: user.id, role: user.role, name: user.name ?? "", email: "" },
  } as Parameters<typeof jwt>[0]);
}

async function expectRefusal(promise: Promise<unknown>, status: number, message: RegExp) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RequestError);
  expect((error as RequestError).status).toBe(status);
  expect((error as RequestError).message).toMatch(message);
}

describe("invitations", () => {
  it("invite → accept → sign in works, and the link stores only its hash and works once", async () => {
    const admin = await createUser(prisma, "admin");
    const address = email();
    const link = await inviteUser(prisma, admin, { email: `  ${address.toUpperCase()} `, role: "reviewer" });
    expect(link.email).toBe(address);
    const secret = secretOf(link.path);
    expect(link.path).toBe(`/invite/${secret}`);
    const stored = await prisma.accountLink.findFirstOrThrow({ where: { email: address } });
    expect(stored.tokenHash).toBe(hashLinkSecret(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * 24 * 3600 * 1000);

    expect(await openAccountLink(prisma, "invitation", secret)).toMatchObject({ email: address, role: "reviewer" });
    await expectRefusal(
      redeemAccountLink(prisma, "invitation", secret, { name: "New Person", password: "short" }),
      400,
      /at least 12/,
    );
    const joined = await redeemAccountLink(prisma, "invitation", secret, { name: "  New Person ", password: PASSWORD });
    expect(joined.email).toBe(address);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: address } });
    expect(user).toMatchObject({ name: "New Person", role: "reviewer", disabledAt: null });

    expect(await authorize(address, PASSWORD)).toMatchObject({ id: user.id, role: "reviewer" });
    expect(await authorize(address, "the wrong password!")).toBeNull();

    await expectRefusal(
      redeemAccountLink(prisma, "invitation", secret, { name: "Again", password: PASSWORD }),
      409,
      /already been used/,
    );
    await expectRefusal(openAccountLink(prisma, "invitation", secret), 409, /already been used/);
    const audit = await prisma.auditEvent.findMany({
      where: { OR: [{ subject: address }, { subject: user.id }] },
      orderBy: { at: "asc" },
    });
    expect(audit.map((event) => event.action)).toEqual(["user.invited", "user.joined"]);
  });

  it("refuses an expired link, an unknown one, a link of the other kind, and an address that has an account", async () => {
    const admin = await createUser(prisma, "admin");
    const address = email();
    const issuedAt = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const old = await inviteUser(prisma, admin, { email: address, role: "editor" }, issuedAt);
    await expectRefusal(openAccountLink(prisma, "invitation", secretOf(old.path)), 409, /expired/);
    await expectRefusal(
      redeemAccountLink(prisma, "invitation", secretOf(old.path), { name: "X", password: PASSWORD }),
      409,
      /expired/,
    );
    await expectRefusal(openAccountLink(prisma, "invitation", "not-a-secret"), 404, /not valid/);
    await expectRefusal(openAccountLink(prisma, "reset", secretOf(old.path)), 404, /not valid/);
    const existing = await createUser(prisma, "editor");
    const row = await prisma.user.findUniqueOrThrow({ where: { id: existing.id } });
    await expectRefusal(inviteUser(prisma, admin, { email: row.email, role: "editor" }), 409, /already has an account/);
    await expect(inviteUser(prisma, admin, { email: "not an email", role: "editor" })).rejects.toThrow(/email address/);
  });

  it("a newer invitation of the same address replaces the older one", async () => {
    const admin = await createUser(prisma, "admin");
    const address = email();
    const first = await inviteUser(prisma, admin, { email: address, role: "editor" });
    await inviteUser(prisma, admin, { email: address, role: "admin" });
    await expectRefusal(openAccountLink(prisma, "invitation", secretOf(first.path)), 409, /expired/);
  });

  it("only admins invite", async () => {
    const editor = await createUser(prisma, "editor");
    await expectRefusal(inviteUser(prisma, editor, { email: email(), role: "admin" }), 403, /Only admins/);
  });

  it("two uses of one link at once: one wins", async () => {
    const admin = await createUser(prisma, "admin");
    const link = await inviteUser(prisma, admin, { email: email(), role: "editor" });
    const results = await Promise.allSettled([
      redeemAccountLink(prisma, "invitation", secretOf(link.path), { name: "A", password: PASSWORD }),
      redeemAccountLink(prisma, "invitation", secretOf(link.path), { name: "B", password: PASSWORD }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });
});

describe("sessions", () => {
  it("a session counts while the person is enabled, and ends at the next request once they are disabled", async () => {
    const admin = await createUser(prisma, "admin");
    const editor = await createUser(prisma, "editor", "Ed Itor");
    const token = await signedInToken(editor);
    expect(await nextRequest(token)).toMatchObject({ sub: editor.id, role: "editor", name: "Ed Itor" });

    await setUserRole(prisma, admin, editor.id, "reviewer");
    expect(await nextRequest(token)).toMatchObject({ role: "reviewer" });

    await setUserDisabled(prisma, admin, editor.id, true);
    await expect(nextRequest(token)).rejects.toThrow(/session ended/);
    // Re-enabled: the old session stays ended; a new sign-in counts.
    await setUserDisabled(prisma, admin, editor.id, false);
    await expect(nextRequest(token)).rejects.toThrow(/session ended/);
    expect(await nextRequest(await signedInToken(editor))).toMatchObject({ sub: editor.id });
    const audit = await prisma.auditEvent.findMany({ where: { subject: editor.id }, orderBy: { at: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["user.role_changed", "user.disabled", "user.enabled"]);
  });

  it("a disabled person cannot sign in, even with the right password", async () => {
    const admin = await createUser(prisma, "admin");
    const link = await inviteUser(prisma, admin, { email: email(), role: "editor" });
    const joined = await redeemAccountLink(prisma, "invitation", secretOf(link.path), {
      name: "Soon Disabled",
      password: PASSWORD,
    });
    await setUserDisabled(prisma, admin, joined.userId, true);
    expect(await authorize(joined.email, PASSWORD)).toBeNull();
    await expectRefusal(issueResetLinkAsAdmin(prisma, admin, joined.userId), 409, /disabled/);
  });

  it("changing one's password needs the current one and ends the sessions begun before", async () => {
    const admin = await createUser(prisma, "admin");
    const link = await inviteUser(prisma, admin, { email: email(), role: "editor" });
    const joined = await redeemAccountLink(prisma, "invitation", secretOf(link.path), {
      name: "Changer",
      password: PASSWORD,
    });
    const user = { id: joined.userId, role: "editor" };
    const token = await signedInToken(user);
    await expectRefusal(
      changeOwnPassword(prisma, user.id, { currentPassword: "wrong password!", newPassword: "another long password" }),
      403,
      /current password/,
    );
    await expectRefusal(
      changeOwnPassword(prisma, user.id, { currentPassword: PASSWORD, newPassword: "short" }),
      400,
      /at least 12/,
    );
    expect(await nextRequest(token)).toMatchObject({ sub: user.id });

    await new Promise((resolve) => setTimeout(resolve, 5));
    await changeOwnPassword(prisma, user.id, { currentPassword: PASSWORD, newPassword: "another long password" });
    await expect(nextRequest(token)).rejects.toThrow(/session ended/);
    expect(await authorize(joined.email, PASSWORD)).toBeNull();
    expect(await authorize(joined.email, "another long password")).toMatchObject({ id: user.id });
  });

  it("a reset link sets a new password and ends the sessions begun before", async () => {
    const admin = await createUser(prisma, "admin");
    const invitation = await inviteUser(prisma, admin, { email: email(), role: "editor" });
    const joined = await redeemAccountLink(prisma, "invitation", secretOf(invitation.path), {
      name: "Forgetful",
      password: PASSWORD,
    });
    const token = await signedInToken({ id: joined.userId, role: "editor" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const reset = await issueResetLinkAsAdmin(prisma, admin, joined.userId);
    expect(reset.path).toMatch(/^\/reset-password\//);
    expect(await openAccountLink(prisma, "reset", secretOf(reset.path))).toMatchObject({
      email: joined.email,
      name: "Forgetful",
    });
    await redeemAccountLink(prisma, "reset", secretOf(reset.path), { password: "a brand new password" });
    await expect(nextRequest(token)).rejects.toThrow(/session ended/);
    expect(await authorize(joined.email, "a brand new password")).toMatchObject({ id: joined.userId });
    await expectRefusal(
      redeemAccountLink(prisma, "reset", secretOf(reset.path), { password: "yet another password" }),
      409,
      /already been used/,
    );
  });
});

describe("admins", () => {
  it("cannot disable themselves, and the last active admin cannot be disabled", async () => {
    // Only this test's admins are active: every other admin of the shared database is disabled first.
    await prisma.user.updateMany({ where: { role: "admin", disabledAt: null }, data: { disabledAt: new Date() } });
    const first = await createUser(prisma, "admin");
    const second = await createUser(prisma, "admin");
    await expectRefusal(setUserDisabled(prisma, first, first.id, true), 403, /yourself/);
    await setUserDisabled(prisma, first, second.id, true);
    // An admin who is the only active one cannot be disabled by a (disabled) other admin either.
    await expectRefusal(setUserDisabled(prisma, second, first.id, true), 409, /last active admin/);
    const editor = await createUser(prisma, "editor");
    await expectRefusal(setUserDisabled(prisma, editor, first.id, true), 403, /Only admins/);
  });

  it("setup --admin creates the first admin with a 24-hour link to set the password, or promotes an existing person", async () => {
    const address = email();
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const created = await setUpAdmin(prisma, `  ${address} `);
    log.mockRestore();
    expect(created.created).toBe(true);
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: address } });
    expect(admin).toMatchObject({ role: "admin", passwordHash: null });
    const stored = await prisma.accountLink.findFirstOrThrow({ where: { userId: admin.id, kind: "reset" } });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(24 * 3600 * 1000);
    expect(await authorize(address, PASSWORD)).toBeNull();
    await redeemAccountLink(prisma, "reset", secretOf(created.path), { password: PASSWORD });
    expect(await authorize(address, PASSWORD)).toMatchObject({ id: admin.id, role: "admin" });

    const editor = await createUser(prisma, "editor");
    const row = await prisma.user.findUniqueOrThrow({ where: { id: editor.id } });
    const promoted = await setUpAdmin(prisma, row.email);
    expect(promoted.created).toBe(false);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("admin");
    await expect(setUpAdmin(prisma, "nobody")).rejects.toThrow(/email address/);
  });
});

describe("demo accounts", () => {
  it("are listed while they can sign in, and an admin disables all but their own in one action", async () => {
    const [demoAdmin, ...others] = await Promise.all(
      DEMO_USERS.map((user) =>
        prisma.user.create({ data: { ...user, passwordHash: "!" }, select: { id: true, email: true, role: true } }),
      ),
    );
    if (!demoAdmin) throw new Error("no demo admin");
    expect(await activeDemoAccounts(prisma)).toEqual(DEMO_USERS.map((user) => user.email).sort());
    const token = await signedInToken(others[0]!);

    const editor = await createUser(prisma, "editor");
    await expectRefusal(disableDemoAccounts(prisma, editor), 403, /Only admins/);
    // Signed in as the demo admin: the others are disabled, theirs is kept (an admin cannot disable themselves).
    const asDemoAdmin = { id: demoAdmin.id, role: "admin" as const };
    const result = await disableDemoAccounts(prisma, asDemoAdmin);
    expect(result).toEqual({ disabled: others.map((user) => user.email).sort(), keptOwn: true });
    expect(await activeDemoAccounts(prisma)).toEqual([demoAdmin.email]);
    await expect(nextRequest(token)).rejects.toThrow(/session ended/);

    // The newsroom's own admin disables the last one.
    const own = await createUser(prisma, "admin");
    expect(await disableDemoAccounts(prisma, own)).toEqual({ disabled: [demoAdmin.email], keptOwn: false });
    expect(await activeDemoAccounts(prisma)).toEqual([]);
  });
});
