import { randomUUID } from "node:crypto";
import type { Account, User } from "next-auth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/server/auth/options";
import { admitSsoPerson } from "@/server/auth/sso";
import type { PrismaClient } from "@/server/db/create-prisma";
import { createUser, INTEGRATION_DATABASE_URL, integrationPrisma } from "../../../support/database";

const prisma = integrationPrisma();
const HOUR = 60 * 60 * 1000;
const NEXTAUTH_URL = "http://localhost:3999";

beforeAll(() => {
  // The app's Prisma singleton (server/db/prisma.ts) is this run's database, for authOptions' callbacks.
  (globalThis as unknown as { corroboratePrisma?: PrismaClient }).corroboratePrisma = prisma;
  vi.stubEnv("DATABASE_URL", INTEGRATION_DATABASE_URL);
  vi.stubEnv("NEXTAUTH_URL", NEXTAUTH_URL);
  vi.stubEnv("NEXTAUTH_SECRET", "integration-nextauth-secret-0123456789-abcdef");
  vi.stubEnv("COLLAB_TOKEN_SECRET", "integration-collab-secret-0123456789-abcdefgh");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await prisma.$disconnect();
});

const email = () => `sso-${randomUUID()}@example.org`;
const claims = (address: string, verified: boolean | string = true) => ({
  sub: randomUUID(),
  email: address,
  email_verified: verified,
  name: "Inès Duarte",
});

async function invite(address: string, role: string, expiresAt = new Date(Date.now() + 24 * HOUR)) {
  const admin = await createUser(prisma, "admin");
  return prisma.accountLink.create({
    data: { kind: "invitation", tokenHash: randomUUID(), email: address, role, issuedById: admin.id, expiresAt },
  });
}

describe("admitSsoPerson", () => {
  it("creates an invited person with the invitation's role and the provider's name, and uses the invitation", async () => {
    const address = email();
    const link = await invite(address, "reviewer");
    const result = await admitSsoPerson(prisma, claims(address.toUpperCase()));
    expect(result).toMatchObject({ admitted: { email: address, name: "Inès Duarte", role: "reviewer" } });
    const person = await prisma.user.findUniqueOrThrow({ where: { email: address } });
    expect(person).toMatchObject({ role: "reviewer", passwordHash: null, disabledAt: null });
    expect((await prisma.accountLink.findUniqueOrThrow({ where: { id: link.id } })).usedAt).not.toBeNull();
    const joined = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.joined", subject: person.id } });
    expect(JSON.parse(joined.data)).toEqual({ role: "reviewer", invitedBy: link.issuedById, via: "sso" });
    // Signing in again is the same person.
    expect(await admitSsoPerson(prisma, claims(address))).toEqual({
      admitted: { id: person.id, email: address, name: "Inès Duarte", role: "reviewer" },
    });
  });

  it("uses an invitation once when two sign-ins race for it: one person, both signed in as them", async () => {
    const address = email();
    const link = await invite(address, "editor");
    const results = await Promise.all([
      admitSsoPerson(prisma, claims(address)),
      admitSsoPerson(prisma, claims(address)),
    ]);
    const people = await prisma.user.findMany({ where: { email: address } });
    expect(people).toHaveLength(1);
    for (const result of results) expect(result).toMatchObject({ admitted: { id: people[0]?.id, role: "editor" } });
    expect(await prisma.auditEvent.count({ where: { action: "user.joined", subject: people[0]?.id } })).toBe(1);
    expect((await prisma.accountLink.findUniqueOrThrow({ where: { id: link.id } })).usedAt).not.toBeNull();
  });

  it("refuses an unverified email, nobody invited, an expired invitation and a disabled person", async () => {
    const invited = email();
    const link = await invite(invited, "editor");
    expect(await admitSsoPerson(prisma, claims(invited, false))).toEqual({ refused: "SsoEmailUnverified" });
    expect(await admitSsoPerson(prisma, { email: invited })).toEqual({ refused: "SsoEmailUnverified" });
    expect((await prisma.accountLink.findUniqueOrThrow({ where: { id: link.id } })).usedAt).toBeNull();

    expect(await admitSsoPerson(prisma, claims(email()))).toEqual({ refused: "AccessDenied" });

    const expired = email();
    await invite(expired, "editor", new Date(Date.now() - 1000));
    expect(await admitSsoPerson(prisma, claims(expired))).toEqual({ refused: "AccessDenied" });

    const disabled = await prisma.user.create({
      data: { email: email(), name: "Tom", role: "editor", disabledAt: new Date() },
    });
    expect(await admitSsoPerson(prisma, claims(disabled.email))).toEqual({ refused: "AccessDenied" });
  });
});

describe("next-auth's signIn callback with single sign-on", () => {
  const account = (provider: string): Account => ({
    provider,
    type: provider === "credentials" ? "credentials" : "oauth",
    providerAccountId: "x",
  });

  it("makes next-auth's user the admitted person, so the jwt callback puts their id and role in the token", async () => {
    const address = email();
    await invite(address, "reviewer");
    const profile = claims(address);
    // What the provider's profile() made of the ID token: an id that is no user's.
    const user: User = { id: `sso:${profile.sub}`, name: profile.name, email: address, role: "reviewer" };
    expect(await authOptions.callbacks?.signIn?.({ user, account: account("oidc"), profile })).toBe(true);
    const person = await prisma.user.findUniqueOrThrow({ where: { email: address } });
    expect(user).toEqual({ id: person.id, name: person.name, email: address, role: "reviewer" });
    const token = await authOptions.callbacks?.jwt?.({
      token: { sub: user.id, name: user.name, email: user.email },
      user,
      account: account("oidc"),
      trigger: "signIn",
    });
    expect(token).toMatchObject({ sub: person.id, role: "reviewer" });
  });

  it("sends a refused person to the sign-in page with the reason, and leaves other providers alone", async () => {
    const profile = claims(email());
    const user: User = { id: `sso:${profile.sub}`, name: profile.name, email: profile.email, role: "reviewer" };
    expect(await authOptions.callbacks?.signIn?.({ user, account: account("oidc"), profile })).toBe(
      `${NEXTAUTH_URL}/signin?error=AccessDenied`,
    );
    expect(user.id).toBe(`sso:${profile.sub}`);
    expect(await authOptions.callbacks?.signIn?.({ user, account: account("credentials") })).toBe(true);
  });
});
