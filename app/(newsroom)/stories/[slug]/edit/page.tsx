import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { StoryWorkspace } from "@/components/workspace/story-workspace";
import { can } from "@/lib/auth/policy";
import { readPerspectives } from "@/lib/import/perspectives";
import { userColor } from "@/lib/presence/user-color";
import { getSessionUser } from "@/server/auth/session";
import { findStoryWithSources } from "@/server/stories/queries";
import { workspaceSources } from "@/server/stories/workspace-sources";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const story = await findStoryWithSources((await params).slug);
  return { title: story ? `Editing: ${story.title}` : "Story not found" };
}

export default async function StoryWorkspacePage({ params }: Params) {
  const { slug } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/stories/${slug}/edit`)}`);
  if (!can(user.role, "open_workspace")) redirect("/");
  const story = await findStoryWithSources(slug);
  if (!story) notFound();

  return (
    <div>
      <p className="text-sm text-stone-500">Story · {story.status.replace("_", " ")}</p>
      <h1 className="mb-6 font-serif text-3xl font-bold tracking-tight">{story.title}</h1>
      <StoryWorkspace
        storyId={story.id}
        storySlug={story.slug}
        user={{ id: user.id, name: user.name, color: userColor(user.id) }}
        sources={workspaceSources(story.sources)}
        perspectives={readPerspectives(story.perspectives)}
      />
    </div>
  );
}
