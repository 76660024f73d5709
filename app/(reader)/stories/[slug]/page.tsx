import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublishedStoryView } from "@/components/reader/published-story-view";
import { getEnv } from "@/server/env";
import { findPublishedStory } from "@/server/stories/published";
import { readerMetadata, readerPageUrl } from "@/server/stories/reader-page";

// Rendered from the stored version on first request and cached until a version is published, which
// revalidates it (no timed revalidation: nothing else changes a published page).
export const revalidate = false;
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const story = await findPublishedStory(slug);
  return story ? readerMetadata(story, readerPageUrl(slug)) : { title: "Not found" };
}

export default async function LatestVersionPage({ params }: Props) {
  const { slug } = await params;
  const story = await findPublishedStory(slug);
  if (!story) notFound();
  return <PublishedStoryView story={story} pageUrl={readerPageUrl(slug)} organisation={getEnv().ORGANISATION_NAME} />;
}
