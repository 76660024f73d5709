import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { StoryReviewerPicker } from "@/components/stories/story-reviewer-picker";
import { StoryWorkspace } from "@/components/workspace/story-workspace";
import { can } from "@/lib/auth/policy";
import { readPerspectives } from "@/lib/import/perspectives";
import { userColor } from "@/lib/presence/user-color";
import * as z from "zod";
import { getSessionUser } from "@/server/auth/session";
import { prisma } from "@/server/db/prisma";
import { mentionablePeople } from "@/server/users/mentionable-people";
import { findStoryWithSources } from "@/server/stories/queries";
import { possibleReviewers } from "@/server/stories/story-reviewer";
import { workspaceSources } from "@/server/stories/workspace-sources";

/** `?claim=<id>`: the claim a notification opens. */
const claimParamSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

type Params = { params: Promise<{ slug: string }> };
type PageProps = Params & { searchParams: Promise<{ claim?: string | string[] }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const story = await findStoryWithSources((await params).slug);
  return { title: story ? `Editing: ${story.title}` : "Story not found" };
}

export default async function StoryWorkspacePage({ params, searchParams }: PageProps) {
  const { slug } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/stories/${slug}/edit`)}`);
  if (!can(user.role, "open_workspace")) redirect("/");
  const story = await findStoryWithSources(slug);
  if (!story) notFound();
  const claim = claimParamSchema.safeParse((await searchParams).claim);
  const [people, reviewers] = await Promise.all([mentionablePeople(prisma(), user.id), possibleReviewers(prisma())]);

  return (
    <div>
      <p className="text-sm text-stone-500">Story · {story.status.replace("_", " ")}</p>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold tracking-tight">{story.title}</h1>
        <StoryReviewerPicker storyId={story.id} reviewerId={story.reviewerId} reviewers={reviewers} />
      </div>
      <StoryWorkspace
        storyId={story.id}
        storySlug={story.slug}
        user={{ id: user.id, name: user.name, color: userColor(user.id) }}
        people={people}
        initialClaimId={claim.success ? claim.data : null}
        sources={workspaceSources(story.sources)}
        perspectives={readPerspectives(story.perspectives)}
      />
    </div>
  );
}
