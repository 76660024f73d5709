import type { PrismaClient } from "../db/create-prisma";

/**
 * The people a comment may mention: everyone in the newsroom who is not disabled, but `userId` (the writer), by
 * name. Ids and names only.
 */
export function mentionablePeople(prisma: PrismaClient, userId: string): Promise<Array<{ id: string; name: string }>> {
  return prisma.user.findMany({
    where: { disabledAt: null, id: { not: userId } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
