import { afterAll, describe, expect, it } from "vitest";
import type { VersionContent } from "@/lib/versions/version-content";
import type { SessionUser } from "@/server/auth/session";
import { checkedBeforeResponse, type CheckedBeforeMatch } from "@/server/assistant/checked-before";
import { createStory, createUser, integrationPrisma } from "../../../support/database";

const prisma = integrationPrisma();
afterAll(() => prisma.$disconnect());

// Words of this run only, so that other tests' published stories in the shared database cannot match.
const run = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
const CLAIM = `The Zephyrine ${run} cooperative shipped forty tonnes of saffron to Marseille last winter.`;
const EVIDENCE = `Zephyrine ${run} sent forty tonnes of saffron to Marseille over the winter, its books show.`;
const WITHDRAWN = `Nine hundred pickers work in the ${run} valley each autumn.`;

/** A published version of a story holding one claim per text, each supported by one quote. */
async function publish(storyId: string, number: number, claims: string[], publishedById: string) {
  const content: VersionContent = {
    summary: claims.join(" "),
    claims: claims.map((text, at) => ({
      id: `claim-${at + 1}`,
      text,
      start: 0,
      end: text.length,
      verdict: at === 0 ? "supported" : "partly_supported",
      approvedBy: { id: publishedById, name: "Rosa" },
      approvedAt: new Date().toISOString(),
      quotes: [
        {
          id: `quote-${at + 1}`,
          sourceId: "source-1",
          selector: { exact: EVIDENCE, prefix: "", suffix: "", start: 0, end: EVIDENCE.length },
          stance: "supports",
          note: "",
        },
      ],
    })),
    sources: [
      {
        id: "source-1",
        outlet: "Provence Ledger",
        url: null,
        headline: null,
        author: null,
        publishedAt: null,
        statedAge: null,
        reliabilityLabel: null,
        biasLabel: "center",
        contentHash: "h1",
      },
    ],
  };
  await prisma.version.create({
    data: {
      storyId,
      number,
      title: `Saffron check ${run}`,
      content: JSON.stringify(content),
      yState: new Uint8Array([0]),
      publishedById,
    },
  });
}

async function ask(user: SessionUser | null, storyId: string, claim: string) {
  const response = await checkedBeforeResponse(prisma, user, storyId, new URLSearchParams({ claim }));
  return { status: response.status, body: (await response.json()) as { matches?: CheckedBeforeMatch[] } };
}

describe("checked before", () => {
  it("finds a resembling claim in another story's latest published version, never in a draft or the story itself", async () => {
    const reviewer = await createUser(prisma, "reviewer");
    const editor = { ...(await createUser(prisma, "editor")), email: "editor@test.local" } as SessionUser;
    const published = await createStory(prisma, [CLAIM]);
    const draft = await createStory(prisma, [CLAIM]);
    const asking = await createStory(prisma, [CLAIM]);
    // Version 1 of the published story had a claim its version 2 withdrew; the asking story published the claim too.
    await publish(published, 1, [CLAIM, WITHDRAWN], reviewer.id);
    await publish(published, 2, [CLAIM], reviewer.id);
    await publish(asking, 1, [CLAIM], reviewer.id);
    const slug = (await prisma.story.findUniqueOrThrow({ where: { id: published } })).slug;

    const paraphrase = `Zephyrine ${run} shipped forty tonnes of saffron to Marseille`;
    const { status, body } = await ask(editor, asking, paraphrase);
    expect(status).toBe(200);
    const matches = body.matches ?? [];
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      slug,
      version: 2,
      claimId: "claim-1",
      claimText: CLAIM,
      verdict: "supported",
      verdictText: "Supported",
      evidence: [{ outlet: "Provence Ledger", exact: EVIDENCE, stance: "supports" }],
      url: `/stories/${slug}/v/2#claim-claim-1`,
    });
    expect(matches[0]!.resemblance).toBeGreaterThanOrEqual(0.5);
    expect(matches[0]!.matchedTerms).toEqual(expect.arrayContaining(["saffron", "Marseille"]));

    // Asked from the published story itself: the asking story's own published claim is found, never its own.
    const fromPublished = (await ask(editor, published, CLAIM)).body.matches ?? [];
    expect(fromPublished.map((match) => match.slug)).not.toContain(slug);
    expect(fromPublished.map((match) => match.claimText)).toEqual([CLAIM]);

    // The withdrawn claim is only in an older version; the draft story was never published.
    expect((await ask(editor, asking, WITHDRAWN)).body.matches).toEqual([]);
    expect((await ask(editor, draft, CLAIM)).body.matches?.map((match) => match.slug).sort()).toEqual(
      [slug, (await prisma.story.findUniqueOrThrow({ where: { id: asking } })).slug].sort(),
    );
    // A claim that shares a word or two is not "the same claim".
    expect((await ask(editor, asking, "Marseille had a cold and wet winter")).body.matches).toEqual([]);
  });

  it("refuses a signed-out reader, and a bad query or an unknown story", async () => {
    const storyId = await createStory(prisma, [CLAIM]);
    const editor = { ...(await createUser(prisma, "editor")), email: "e@test.local" } as SessionUser;
    expect((await ask(null, storyId, CLAIM)).status).toBe(401);
    expect((await ask(editor, storyId, "   ")).status).toBe(400);
    expect((await ask(editor, storyId, "x".repeat(2_001))).status).toBe(400);
    expect((await ask(editor, "no-such-story", CLAIM)).status).toBe(404);
    expect((await ask(editor, "../../etc", CLAIM)).status).toBe(400);
    const tooMany = await checkedBeforeResponse(
      prisma,
      editor,
      storyId,
      new URLSearchParams({ claim: CLAIM, limit: "50" }),
    );
    expect(tooMany.status).toBe(400);
  });
});
