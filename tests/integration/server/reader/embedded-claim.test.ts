import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import type { VersionContent } from "@/lib/versions/version-content";
import { findPublishedClaim } from "@/server/reader/embedded-claim";
import { createStory, createUser, integrationPrisma } from "../../../support/database";

const prisma = integrationPrisma();
afterAll(() => prisma.$disconnect());

/** A version's content with one claim per id, each supported by one quote of one source. */
function content(claimIds: string[]): VersionContent {
  return {
    summary: claimIds.map((id) => `Claim ${id}.`).join(" "),
    claims: claimIds.map((id, index) => ({
      id,
      text: `Claim ${id}.`,
      start: index * 20,
      end: index * 20 + 10,
      verdict: "supported",
      approvedBy: { id: "rosa", name: "Rosa" },
      approvedAt: "2026-11-30T08:00:00.000Z",
      quotes: [
        {
          id: `quote-${id}`,
          sourceId: "nbc",
          selector: { exact: "released", prefix: "", suffix: "", start: 0, end: 8 },
          stance: "supports",
          note: "",
        },
      ],
    })),
    sources: [
      {
        id: "nbc",
        outlet: "NBC News",
        url: null,
        headline: null,
        author: null,
        publishedAt: null,
        statedAge: null,
        reliabilityLabel: null,
        biasLabel: "center",
        contentHash: "h",
      },
    ],
  };
}

async function publish(storyId: string, number: number, claimIds: string[], publishedById: string) {
  await prisma.version.create({
    data: {
      storyId,
      number,
      title: `Check ${storyId}`,
      content: JSON.stringify(content(claimIds)),
      yState: new Uint8Array(),
      publishedById,
      ...(number > 1 ? { correctionNote: "Removed a claim." } : {}),
    },
  });
}

const id = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

describe("findPublishedClaim", () => {
  it("finds a claim in the newest version of its story that holds it, and claims published later", async () => {
    const rosa = await createUser(prisma, "reviewer");
    const [kept, removed, later] = [id("kept"), id("removed"), id("later")];
    const storyId = await createStory(prisma, ["A summary."]);
    await publish(storyId, 1, [kept, removed], rosa.id);
    await publish(storyId, 2, [kept], rosa.id);

    expect(await findPublishedClaim(kept, prisma)).toMatchObject({
      claim: { id: kept, verdict: "Supported" },
      story: { number: 2, latestNumber: 2 },
    });
    // A claim a correction removed is shown as it was, in the last version that had it.
    expect(await findPublishedClaim(removed, prisma, translator("ar"))).toMatchObject({
      claim: { id: removed, verdict: "مؤكَّد" },
      story: { number: 1, latestNumber: 2 },
    });
    expect(await findPublishedClaim(id("never"), prisma)).toBeNull();
    expect(await findPublishedClaim("not an id!", prisma)).toBeNull();

    // Published after the index was built, in another story: found once the index catches up (within a second).
    const otherStory = await createStory(prisma, ["Another summary."]);
    await publish(otherStory, 1, [later], rosa.id);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await findPublishedClaim(later, prisma)).toMatchObject({ claim: { id: later }, story: { number: 1 } });
  });
});
