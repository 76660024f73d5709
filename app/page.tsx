import type { Metadata } from "next";
import { FrontPage } from "@/components/reader/front-page";
import { NewsroomHome } from "@/components/stories/newsroom-home";
import { redirect } from "next/navigation";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { checkListQuerySchema } from "@/lib/reader/check-listing";
import { getSessionUser } from "@/server/auth/session";
import { requestLocale } from "@/server/i18n/request-locale";
import { listChecks } from "@/server/reader/check-listing";
import { databaseProvider } from "@/server/db/database-url";
import { prisma } from "@/server/db/prisma";
import { getEnv } from "@/server/env";
import { loadNewsroomHome } from "@/server/stories/queries";
import { storyFiltersSchema } from "@/server/stories/story-filters";
import { possibleReviewers } from "@/server/stories/story-reviewer";
import { mentionablePeople } from "@/server/users/mentionable-people";
import { feedAlternates } from "@/server/stories/reader-page";
import NewsroomLayout from "./(newsroom)/layout";
import ReaderLayout from "./(reader)/layout";

// `/` belongs to neither route group (both cannot own it): signed-in people get the newsroom's home inside the
// newsroom's layout, everyone else the public front page inside the reader's, which has no session and no
// demo-accounts banner.

export function generateMetadata(): Metadata {
  return { alternates: { types: feedAlternates() }, manifest: "/manifest.webmanifest" };
}

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const [user, { locale }] = await Promise.all([getSessionUser(), requestLocale()]);
  // The newsroom is in English: a signed-in person who opens a translated front page (/ar) gets their home.
  if (user && locale !== DEFAULT_LOCALE) redirect("/");
  if (user) {
    const filters = storyFiltersSchema.parse(await searchParams);
    const db = prisma();
    const [{ stories, myWork }, people, reviewers] = await Promise.all([
      loadNewsroomHome(db, databaseProvider(getEnv().DATABASE_URL), user, filters),
      mentionablePeople(db, user.id),
      possibleReviewers(db),
    ]);
    return (
      <NewsroomLayout>
        <NewsroomHome
          user={user}
          stories={stories}
          myWork={myWork}
          filters={filters}
          people={people}
          reviewers={reviewers.filter((person) => person.id !== user.id)}
        />
      </NewsroomLayout>
    );
  }
  const query = checkListQuerySchema.parse(await searchParams);
  return (
    <ReaderLayout>
      <FrontPage list={await listChecks(query)} q={query.q} t={translator(locale)} />
    </ReaderLayout>
  );
}
