import type { Metadata } from "next";
import { FrontPage } from "@/components/reader/front-page";
import { NewsroomHome } from "@/components/stories/newsroom-home";
import { getSessionUser } from "@/server/auth/session";
import { publishedStoryIndex } from "@/server/reader/published-checks";
import { listStories } from "@/server/stories/queries";
import { feedAlternates } from "@/server/stories/reader-page";
import NewsroomLayout from "./(newsroom)/layout";
import ReaderLayout from "./(reader)/layout";

// `/` belongs to neither route group (both cannot own it): signed-in people get the newsroom's home inside the
// newsroom's layout, everyone else the public front page inside the reader's, which has no session and no
// demo-accounts banner.

export function generateMetadata(): Metadata {
  return { alternates: { types: feedAlternates() }, manifest: "/manifest.webmanifest" };
}

export default async function HomePage() {
  const user = await getSessionUser();
  if (user) {
    return (
      <NewsroomLayout>
        <NewsroomHome user={user} stories={await listStories()} />
      </NewsroomLayout>
    );
  }
  const index = await publishedStoryIndex();
  const checks = index.map((story) => {
    const latest = story.versions.at(-1)!;
    return { slug: story.slug, title: latest.title, publishedAt: latest.publishedAt };
  });
  return (
    <ReaderLayout>
      <FrontPage checks={checks} />
    </ReaderLayout>
  );
}
