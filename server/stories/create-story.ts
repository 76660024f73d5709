import * as z from "zod";
import { can } from "../../lib/auth/policy";
import type { Role } from "../../lib/auth/roles";
import { storySlug } from "../../lib/stories/story-slug";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { PrismaClient } from "../db/create-prisma";
import { isUniqueViolation } from "../db/prisma-errors";
import { RequestError } from "../http/request-error";

/** A new story as the form submits it. */
export const newStoryInputSchema = z.object({
  title: z
    .string()
    .trim()
    .min(3, "Give the story a title of at least 3 characters.")
    .max(200, "Keep the title under 200 characters."),
});

/**
 * Creates an empty story (no sources, an empty draft) with a slug made from its title, unique among stories.
 * @throws RequestError 403 for a role that may not create stories; ZodError for an invalid title.
 */
export async function createStory(
  prisma: PrismaClient,
  user: { id: string; role: Role },
  input: z.input<typeof newStoryInputSchema>,
): Promise<{ id: string; slug: string }> {
  if (!can(user.role, "create_story"))
    throw new RequestError(403, "Only editors, reviewers and admins create stories.");
  const { title } = newStoryInputSchema.parse(input);
  const base = storySlug(title);
  for (let n = 1; n < 50; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    try {
      const story = await prisma.story.create({
        data: { slug, title, createdById: user.id },
        select: { id: true, slug: true },
      });
      await writeAuditEvent(prisma, {
        storyId: story.id,
        actorId: user.id,
        action: "story.created",
        subject: story.slug,
      });
      return story;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new RequestError(409, "Too many stories have this title: choose another.");
}
