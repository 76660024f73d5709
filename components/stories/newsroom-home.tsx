import Link from "next/link";
import { ClaimProgress } from "@/components/stories/claim-progress";
import { MyWorkSections } from "@/components/stories/my-work";
import { StoryFiltersForm } from "@/components/stories/story-filters-form";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/server/auth/session";
import type { ListedStory, MyWork } from "@/server/stories/queries";
import { isFiltered, type StoryFilters } from "@/server/stories/story-filters";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/**
 * The signed-in person's home at `/`: their work (assigned, to review, mentions, followed stories), then the
 * stories with their claims' progress under a GET form of filters and search, and what their role may do next.
 */
export function NewsroomHome({
  user,
  stories,
  myWork,
  filters,
  people,
  reviewers,
}: {
  user: SessionUser;
  stories: ListedStory[];
  myWork: MyWork;
  filters: StoryFilters;
  people: Array<{ id: string; name: string }>;
  reviewers: Array<{ id: string; name: string }>;
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
      <MyWorkSections work={myWork} mayReview={can(user.role, "approve")} />
      <h2 className="mb-3 font-serif text-2xl font-bold">All stories</h2>
      <StoryFiltersForm filters={filters} people={people} reviewers={reviewers} />
      {stories.length === 0 ? (
        <p className="text-stone-600" data-testid="story-list-empty">
          {isFiltered(filters) ? "No story matches." : "No stories yet."}
        </p>
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
                  {story.reviewer ? ` · reviewer ${story.reviewer.name}` : ""}
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
