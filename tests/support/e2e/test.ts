import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createPrisma } from "../../../server/db/create-prisma";
import { E2E_DATABASE_URL } from "../../../playwright.config";
import { DEMO_PASSWORD, DEMO_STORY_SLUG, DEMO_USERS } from "../../../prisma/seed";
import { SignInPage } from "./pages/sign-in-page";

export { expect };

// What the browser refused under the pages' Content-Security-Policy during the current test.
const cspViolations: string[] = [];

/**
 * Records every Content-Security-Policy violation in a browser context: Chromium reports each one on the
 * console ("Refused to … because it violates the following Content Security Policy directive …") and as a
 * `securitypolicyviolation` event, which a script added to every page reports on the console too.
 */
export async function watchCsp(context: BrowserContext): Promise<void> {
  context.on("console", (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text()))
      cspViolations.push(`${message.location().url}: ${message.text()}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
}

/**
 * Playwright's test, closing every browser context a test opened (signedInPage opens one per user) when it
 * ends: a workspace left open keeps its socket and its assistant worker busy during the next tests. Every
 * test also fails if any page it opened broke the Content-Security-Policy.
 */
export const test = base.extend<{ closeContexts: void }>({
  context: [
    async ({ context }, use) => {
      await watchCsp(context);
      await use(context);
    },
    { scope: "test" },
  ],
  closeContexts: [
    async ({ browser }, use) => {
      cspViolations.length = 0;
      await use();
      await Promise.all(browser.contexts().map((context) => context.close()));
      expect(cspViolations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});
export { DEMO_PASSWORD, DEMO_STORY_SLUG };

export type DemoUser = (typeof DEMO_USERS)[number];

/** A demo user by role and position: `demoUser("editor", 1)` is the second editor. */
export function demoUser(role: DemoUser["role"], index = 0): DemoUser {
  const user = DEMO_USERS.filter((candidate) => candidate.role === role)[index];
  if (!user) throw new Error(`no demo ${role} #${index}`);
  return user;
}

/** Signs a user in, in a browser context of their own, and returns their page. */
export async function signedInPage(browser: Browser, user: DemoUser): Promise<Page> {
  const context = await browser.newContext();
  await watchCsp(context);
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(user.email, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  return page;
}

/**
 * Copies the demo story (its sources and its stored draft) into a new story in the test database, so that
 * a test that edits can do so without changing what other tests see. Returns the copy's slug.
 */
export async function copyDemoStory(): Promise<string> {
  const prisma = createPrisma(E2E_DATABASE_URL);
  try {
    const demo = await prisma.story.findUniqueOrThrow({
      where: { slug: DEMO_STORY_SLUG },
      include: { sources: true, document: true },
    });
    const slug = `demo-copy-${randomUUID()}`;
    await prisma.story.create({
      data: {
        slug,
        title: `Test copy: ${demo.title}`,
        document: demo.document ? { create: { state: demo.document.state } } : undefined,
        sources: {
          create: demo.sources.map((source) => ({
            kind: source.kind,
            outlet: source.outlet,
            url: source.url,
            headline: source.headline,
            author: source.author,
            publishedAt: source.publishedAt,
            statedAge: source.statedAge,
            reliabilityLabel: source.reliabilityLabel,
            reliabilityNote: source.reliabilityNote,
            biasLabel: source.biasLabel,
            biasNote: source.biasNote,
            text: source.text,
            contentHash: source.contentHash,
            position: source.position,
          })),
        },
      },
    });
    return slug;
  } finally {
    await prisma.$disconnect();
  }
}

/** Marks everything the demo people were told by earlier tests as read, so that a bell counts one test's alone. */
export async function readAllNotifications(): Promise<void> {
  const prisma = createPrisma(E2E_DATABASE_URL);
  try {
    await prisma.notification.updateMany({ where: { readAt: null }, data: { readAt: new Date() } });
  } finally {
    await prisma.$disconnect();
  }
}

/** Gives a demo user another role in the test database, as an admin would at /admin/users. */
export async function setRole(user: DemoUser, role: DemoUser["role"]): Promise<void> {
  const prisma = createPrisma(E2E_DATABASE_URL);
  try {
    await prisma.user.update({ where: { email: user.email }, data: { role } });
  } finally {
    await prisma.$disconnect();
  }
}

/** The serious and critical accessibility violations axe finds on the page as it is now, as "id: help". */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}
