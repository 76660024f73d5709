import { afterAll, describe, expect, it } from "vitest";
import type { VersionContent } from "@/lib/versions/version-content";
import { publishedStoryIndex } from "@/server/reader/published-checks";
import { readPublishedStory } from "@/server/stories/published";
import { createStory, createUser, integrationPrisma } from "../../../support/database";

const prisma = integrationPrisma();
afterAll(() => prisma.$disconnect());

const content = (summary: string): VersionContent => ({ summary, claims: [], sources: [] });

describe("the reader's reads of published versions (raw SQL on SQLite and PostgreSQL)", () => {
  it("reads a story's versions, the latest by default, with the later ones and their notes, and lists it", async () => {
    const rosa = await createUser(prisma, "reviewer");
    const storyId = await createStory(prisma, ["A summary."]);
    const { slug } = await prisma.story.findUniqueOrThrow({ where: { id: storyId }, select: { slug: true } });
    expect(await readPublishedStory(slug, undefined, prisma)).toBeNull();
    const first = new Date("2026-05-02T09:15:30.250Z");
    const second = new Date("2026-05-03T18:00:00.000Z");
    for (const [number, publishedAt, note] of [
      [1, first, null],
      [2, second, "Clarified a quote."],
    ] as const)
      await prisma.version.create({
        data: {
          storyId,
          number,
          title: `Title ${number}`,
          content: JSON.stringify(content(`Summary ${number}.`)),
          yState: new Uint8Array(),
          publishedById: rosa.id,
          publishedAt,
          correctionNote: note,
        },
      });

    // Read a moment ago as unpublished: the reader pages see a publish within a quarter of a second.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readPublishedStory(slug, undefined, prisma)).toMatchObject({
      slug,
      number: 2,
      title: "Title 2",
      latestNumber: 2,
      publishedAt: second,
      correctionNote: "Clarified a quote.",
      content: { summary: "Summary 2." },
      later: [],
    });
    expect(await readPublishedStory(slug, 1, prisma)).toMatchObject({
      number: 1,
      publishedAt: first,
      content: { summary: "Summary 1." },
      later: [{ number: 2, publishedAt: second, correctionNote: "Clarified a quote." }],
    });
    expect(await readPublishedStory(slug, 3, prisma)).toBeNull();
    expect(await readPublishedStory(`${slug}-missing`, undefined, prisma)).toBeNull();

    const listed = (await publishedStoryIndex(prisma)).find((story) => story.storyId === storyId);
    expect(listed).toEqual({
      storyId,
      slug,
      versions: [
        { number: 1, title: "Title 1", publishedAt: first, correctionNote: null },
        { number: 2, title: "Title 2", publishedAt: second, correctionNote: "Clarified a quote." },
      ],
    });
  });
});
