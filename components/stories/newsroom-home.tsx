import Link from "next/link";
import { ClaimProgress } from "@/components/stories/claim-progress";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/server/auth/session";
import type { listStories } from "@/server/stories/queries";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** The signed-in person's home at `/`: every story with its claims' progress, and what their role may do next. */
export function NewsroomHome({
  user,
  stories,
}: {
  user: SessionUser;
  stories: Awaited<ReturnType<typeof listStories>>;
}) {
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold tracking-tight">Stories</h1>
        <nav aria-label="Newsroom" className="flex items-center gap-3 text-sm">
          {can(user.role, "approve") ? (
            <Link href="/review" className="text-blue-800 underline">
              Review queue
            </Link>
          ) : null}
          {can(user.role, "manage_users") ? (
            <Link href="/admin/users" className="text-blue-800 underline">
              Users
            </Link>
          ) : null}
          {can(user.role, "create_story") ? (
            <Link
              href="/stories/new"
              className="rounded bg-stone-800 px-3 py-1.5 font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
            >
              New story
            </Link>
          ) : null}
        </nav>
      </div>
      {stories.length === 0 ? (
        <p className="text-stone-600">No stories yet.</p>
      ) : (
        <ul
          className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white shadow-sm"
          data-testid="story-list"
        >
          {stories.map((story) => (
            <li key={story.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div>
                <Link
                  href={`/stories/${story.slug}/edit`}
                  className="font-medium text-blue-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
                >
                  {story.title}
                </Link>
                <p className="text-sm text-stone-500">
                  {story._count.sources} sources · updated {dateFormat.format(story.updatedAt)}
                  {story.latestVersion ? (
                    <>
                      {" · "}
                      <Link href={`/stories/${story.slug}/versions`} className="underline">
                        version {story.latestVersion.number} published{" "}
                        {dateFormat.format(story.latestVersion.publishedAt)}
                      </Link>
                    </>
                  ) : null}
                </p>
              </div>
              <div className="flex items-center gap-4">
                {story.unreadable ? (
                  <p className="w-56 text-xs font-medium text-red-800">Its draft could not be read.</p>
                ) : (
                  <ClaimProgress counts={story.claimsByStatus} />
                )}
                <span className="rounded-full bg-stone-100 px-2.5 py-0.5 text-xs font-medium capitalize text-stone-700">
                  {story.status.replace("_", " ")}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
