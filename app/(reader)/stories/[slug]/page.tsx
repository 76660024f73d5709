import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublishedStoryView } from "@/components/reader/published-story-view";
import { checkDescription } from "@/components/reader/reader-head";
import { translator } from "@/lib/i18n/translate";
import { getEnv } from "@/server/env";
import { requestLocale } from "@/server/i18n/request-locale";
import { findPublishedStory } from "@/server/stories/published";
import { readerPageUrl } from "@/server/stories/reader-page";

// Rendered from the stored version on each request (the root layout says why: the CSP nonce).

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, { locale }] = await Promise.all([params, requestLocale()]);
  const story = await findPublishedStory(slug);
  return story
    ? { title: story.title, description: checkDescription(story) }
    : { title: translator(locale).messages.notFound.title };
}

export default async function LatestVersionPage({ params }: Props) {
  const [{ slug }, { locale }] = await Promise.all([params, requestLocale()]);
  const story = await findPublishedStory(slug);
  if (!story) notFound();
  return (
    <PublishedStoryView
      story={story}
      pageUrl={readerPageUrl(slug, undefined, locale)}
      organisation={getEnv().ORGANISATION_NAME}
      t={translator(locale)}
    />
  );
}
