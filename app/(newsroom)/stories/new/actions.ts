"use server";

import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { RequestError } from "@/server/http/request-error";
import { createStory } from "@/server/stories/create-story";

/** Why a story could not be created, shown beside the form. */
export type NewStoryState = { message: string } | null;

/** Creates a story (editors, reviewers, admins; checked again in createStory) and opens its workspace. */
export async function createStoryAction(_previous: NewStoryState, form: FormData): Promise<NewStoryState> {
  const user = await getSessionUser();
  if (!user) return { message: "Sign in again." };
  let slug: string;
  try {
    ({ slug } = await createStory(prisma(), user, { title: String(form.get("title") ?? "") }));
  } catch (error) {
    if (error instanceof RequestError) return { message: error.message };
    if (error instanceof ZodError) return { message: error.issues[0]?.message ?? "Check the title." };
    throw error;
  }
  redirect(`/stories/${slug}/edit`);
}
