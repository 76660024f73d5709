import { afterAll, describe, expect, it } from "vitest";
import { createPrismaPersistence } from "@/server/collab/persistence";
import { createStory, integrationPrisma } from "../../database";

const prisma = integrationPrisma();
const persistence = createPrismaPersistence(prisma);
afterAll(() => prisma.$disconnect());

describe("the collaboration server's persistence", () => {
  it("records one person's activity on a claim once, however many of their updates arrive at the same moment", async () => {
    const storyId = await createStory(prisma, ["The CIA has released two videos."]);
    const activity = { storyId, claimId: "claim-1", userId: "maya", kind: "edited" as const };
    await Promise.all(Array.from({ length: 10 }, () => persistence.recordActivity(activity)));
    expect(await prisma.claimActivity.count({ where: { storyId } })).toBe(1);
  });
});
