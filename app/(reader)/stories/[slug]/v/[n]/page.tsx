import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublishedStoryView } from "@/components/reader/published-story-view";
import { checkDescription } from "@/components/reader/reader-head";
import { translator } from "@/lib/i18n/translate";
import { getEnv } from "@/server/env";
import { requestLocale } from "@/server/i18n/request-locale";
import { findPublishedStory } from "@/server/stories/published";
import { readerPageUrl } from "@/server/stories/reader-page";

type Props = { params: Promise<{ slug: string; n: string }> };

function versionNumber(n: string): number | null {
  return /^[1-9][0-9]{0,5}$/.test(n) ? Number(n) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug, n }, { locale }] = await Promise.all([params, requestLocale()]);
  const number = versionNumber(n);
  const story = number ? await findPublishedStory(slug, number) : null;
  return story && number
    ? { title: story.title, description: checkDescription(story) }
    : { title: translator(locale).messages.notFound.title };
}

export default async function VersionPage({ params }: Props) {
  const [{ slug, n }, { locale }] = await Promise.all([params, requestLocale()]);
  const number = versionNumber(n);
  const story = number ? await findPublishedStory(slug, number) : null;
  if (!story || !number) notFound();
  return (
    <PublishedStoryView
      story={story}
      pageUrl={readerPageUrl(slug, number, locale)}
      organisation={getEnv().ORGANISATION_NAME}
      t={translator(locale)}
    />
  );
}
