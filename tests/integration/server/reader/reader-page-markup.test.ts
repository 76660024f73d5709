import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { translator } from "@/lib/i18n/translate";
import type { VersionContent } from "@/lib/versions/version-content";
import { checkDocument, errorDocument, withNonce } from "@/server/reader/reader-document";
import { readPublishedStory } from "@/server/stories/published";
import { createStory, createUser, integrationPrisma } from "../../../support/database";

const prisma = integrationPrisma();
afterAll(() => prisma.$disconnect());
// The head's addresses (Open Graph image, oEmbed) are the site's (PUBLIC_SITE_URL), read from the environment.
beforeAll(() => {
  vi.stubEnv("PUBLIC_SITE_URL", "https://news.example");
  vi.stubEnv("NEXTAUTH_SECRET", "integration-nextauth-secret-0123456789-abcdef");
  vi.stubEnv("COLLAB_TOKEN_SECRET", "integration-collab-secret-0123456789-abcdefgh");
});

const content = (summary: string): VersionContent => ({
  summary,
  claims: [
    {
      id: "claim-videos",
      text: "two videos",
      start: summary.indexOf("two videos"),
      end: summary.indexOf("two videos") + "two videos".length,
      verdict: "supported",
      approvedBy: { id: "rosa", name: "Rosa <i>Reviewer</i>" },
      approvedAt: "2026-05-02T09:00:00.000Z",
      quotes: [],
    },
  ],
  sources: [],
});

describe("the reader page's markup, made once per version, address and language", () => {
  it("shows each version as published, in each language, and a new version at once", async () => {
    const rosa = await createUser(prisma, "reviewer");
    const storyId = await createStory(prisma, ["A summary."]);
    const { slug } = await prisma.story.findUniqueOrThrow({ where: { id: storyId }, select: { slug: true } });
    const publish = async (number: number, note: string | null) => {
      await prisma.version.create({
        data: {
          storyId,
          number,
          title: `Title ${number} <b>as typed</b>`,
          content: JSON.stringify(content(`Summary ${number}: "two videos" & <script>alert(1)</script>.`)),
          yState: new Uint8Array(),
          publishedById: rosa.id,
          correctionNote: note,
        },
      });
      // The reader pages share a story's list of versions for a quarter of a second (server/stories/published.ts).
      await new Promise((resolve) => setTimeout(resolve, 300));
    };
    const page = async (number: number | undefined, locale: "en" | "ar") => {
      const story = await readPublishedStory(slug, number, prisma);
      if (!story) throw new Error(`no version ${number ?? "latest"}`);
      const prefix = locale === "en" ? "" : `/${locale}`;
      const path = `/stories/${slug}${number ? `/v/${number}` : ""}`;
      const view = checkDocument(story, {
        pageUrl: `https://news.example${prefix}${path}`,
        path,
        organisation: "The Desk",
        t: translator(locale),
        assets: {
          stylesheet: "/reader-assets/reader-test.css",
          script: "/reader-assets/evidence-popover-test.js",
          icon: "/icon.svg?test",
        },
      });
      return { view, html: withNonce(view, "bm9uY2U=") };
    };

    await publish(1, null);
    const first = await page(undefined, "en");
    expect(first.html).toContain("Fact check · The Desk");
    expect(first.html).toContain("Title 1 &lt;b&gt;as typed&lt;/b&gt;");
    expect(first.html).toContain("<span>Summary 1: &quot;</span>");
    expect(first.html).toContain("<span>&quot; &amp; &lt;script&gt;alert(1)&lt;/script&gt;.</span>");
    expect(first.html).not.toContain("<script>alert");
    expect(first.html).toContain('<a href="#claim-claim-videos"');
    expect(first.html).toContain("Rosa &lt;i&gt;Reviewer&lt;/i&gt;");
    expect(first.html).toContain(`"url":"https://news.example/stories/${slug}#claim-claim-videos"`);
    expect(first.html).not.toContain('data-testid="newer-version"');
    // The head beyond the page's title, description and feeds.
    expect(first.html).toContain(`<link rel="canonical" href="https://news.example/stories/${slug}"/>`);
    expect(first.html).toContain(`<meta property="og:url" content="https://news.example/stories/${slug}"/>`);
    expect(first.html).toContain(
      `<meta property="og:image" content="https://news.example/stories/${slug}/v/1/og.png"/>`,
    );
    expect(first.html).toContain('<meta property="og:title" content="Title 1 &lt;b&gt;as typed&lt;/b&gt;"/>');
    // Made once: the same view again for the same version, address and language.
    expect((await page(undefined, "en")).view).toBe(first.view);

    const arabic = await page(undefined, "ar");
    expect(arabic.view).not.toBe(first.view);
    expect(arabic.html).toContain("تحقق من الحقائق · The Desk");
    expect(arabic.html).toContain(`"url":"https://news.example/ar/stories/${slug}#claim-claim-videos"`);

    const firstByNumber = await page(1, "en");
    expect(firstByNumber.html).toContain("Summary 1:");
    expect(firstByNumber.html).not.toContain('data-testid="newer-version"');

    await publish(2, "Clarified a quote.");
    const latest = await page(undefined, "en");
    expect(latest.html).toContain("Title 2 &lt;b&gt;as typed&lt;/b&gt;");
    expect(latest.html).toContain("Summary 2:");
    expect(latest.html).not.toContain('data-testid="newer-version"');
    expect(latest.html).toContain(`/stories/${slug}/v/2/og.png`);
    const older = await page(1, "en");
    expect(older.html).toContain("Summary 1:");
    expect(older.html).toContain('data-testid="newer-version"');
    expect(older.html).toContain("Clarified a quote.");
    const olderArabic = await page(1, "ar");
    expect(olderArabic.html).toContain("يوجد إصدار أحدث من عملية التحقق هذه.");
  });

  it("goes out readable without the build's assets: no stylesheet or script, the site's icon, the check whole", async () => {
    const rosa = await createUser(prisma, "reviewer");
    const storyId = await createStory(prisma, ["A summary."]);
    const { slug } = await prisma.story.findUniqueOrThrow({ where: { id: storyId }, select: { slug: true } });
    await prisma.version.create({
      data: {
        storyId,
        number: 1,
        title: "Unstyled",
        content: JSON.stringify(content('Summary: "two videos".')),
        yState: new Uint8Array(),
        publishedById: rosa.id,
      },
    });
    const story = await readPublishedStory(slug, 1, prisma);
    const html = withNonce(
      checkDocument(story!, {
        pageUrl: `https://news.example/stories/${slug}/v/1`,
        path: `/stories/${slug}/v/1`,
        organisation: "The Desk",
        t: translator("en"),
        assets: null,
      }),
      "bm9uY2U=",
    );
    expect(html).not.toContain('rel="stylesheet"');
    expect(html).not.toContain("<script src=");
    expect(html).toContain('<link rel="icon" href="/icon.svg"');
    expect(html).toContain('<a href="#claim-claim-videos"');
    expect(html).toContain('data-claim-footnote="claim-videos"');
  });

  it("tells a reader in the address's language that the check could not be served, and search engines to pass", () => {
    const english = withNonce(errorDocument(translator("en"), "/stories/a-check", null), "bm9uY2U=");
    expect(english).toContain('<html lang="en" dir="ltr">');
    expect(english).toContain("<title>Something went wrong · Corroborate</title>");
    expect(english).toContain('<meta name="robots" content="noindex"/>');
    expect(english).toContain(">Try again</a>");
    const arabic = withNonce(errorDocument(translator("ar"), "/stories/a-check", null), "bm9uY2U=");
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain(
      `<h1 class="font-serif text-3xl font-bold tracking-tight">${translator("ar").messages.error.title}</h1>`,
    );
  });
});
