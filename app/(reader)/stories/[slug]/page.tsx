import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublishedStoryView } from "@/components/reader/published-story-view";
import { getEnv } from "@/server/env";
import { findPublishedStory } from "@/server/stories/published";
import { readerMetadata, readerPageUrl } from "@/server/stories/reader-page";

// Rendered from the stored version on each request (the root layout says why: the CSP nonce).

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
