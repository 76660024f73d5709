import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { StoryWorkspace } from "@/components/workspace/story-workspace";
import { can } from "@/lib/auth/policy";
import { readPerspectives } from "@/lib/import/perspectives";
import { userColor } from "@/lib/presence/user-color";
import { getSessionUser } from "@/server/auth/session";
import { findStoryWithSources } from "@/server/stories/queries";

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
        sources={story.sources.map((source) => ({
          id: source.id,
          kind: source.kind,
          outlet: source.outlet,
          url: source.url,
          headline: source.headline,
          author: source.author,
          publishedAt: source.publishedAt?.toISOString() ?? null,
          statedAge: source.statedAge,
          reliabilityLabel: source.reliabilityLabel,
          biasLabel: source.biasLabel,
          text: source.text,
          revision: source.revision,
          anchoredRevision: source.anchoredRevision,
          history: source.revisions.map((revision) => ({
            number: revision.number,
            note: revision.note,
            at: revision.createdAt.toISOString(),
            by: revision.createdBy?.name ?? null,
          })),
        }))}
        perspectives={readPerspectives(story.perspectives)}
      />
    </div>
  );
}
