import Link from "next/link";
import { ClaimStatusBadge } from "@/components/workspace/claims/claim-status-badge";
import type { MyWork, WorkItem } from "@/server/stories/queries";

/** One claim of my work: a link to it in its workspace, with its story and status. */
function WorkLink({ item, detail }: { item: WorkItem; detail?: string }) {
  return (
    <li className="py-2">
      <Link
        href={item.href}
        className="block rounded focus-visible:outline-2 focus-visible:outline-blue-600"
        data-testid="work-item"
      >
        <span className="flex flex-wrap items-center gap-2 text-xs text-stone-500">
          <ClaimStatusBadge status={item.status} />
          {item.storyTitle}
          {detail ? <span>· {detail}</span> : null}
        </span>
        <span className="mt-0.5 block font-serif text-blue-800 underline-offset-2 hover:underline">
          {item.text === null ? "A claim whose words were deleted" : `“${item.text}”`}
        </span>
      </Link>
    </li>
  );
}

function Section({
  title,
  empty,
  children,
  count,
}: {
  title: string;
  empty: string;
  count: number;
  children: React.ReactNode;
}) {
  const id = `my-work-${title.toLowerCase().replaceAll(/[^a-z]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <h3 id={id} className="text-sm font-semibold text-stone-800">
        {title} <span className="font-normal text-stone-500">({count})</span>
      </h3>
      {count === 0 ? (
        <p className="mt-2 text-sm text-stone-500">{empty}</p>
      ) : (
        <ul className="mt-1 divide-y divide-stone-100">{children}</ul>
      )}
    </section>
  );
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/**
 * "My work" on the newsroom's home: claims assigned to me, claims waiting for my review (only those I may decide),
 * my mentions, and the stories I follow, each claim one click from its place in the workspace. Server-rendered.
 */
export function MyWorkSections({ work, mayReview }: { work: MyWork; mayReview: boolean }) {
  return (
    <section aria-labelledby="my-work" className="mb-8" data-testid="my-work">
      <h2 id="my-work" className="mb-3 font-serif text-2xl font-bold">
        My work
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <Section title="Assigned to me" count={work.assigned.length} empty="No claim is assigned to you.">
          {work.assigned.map((item) => (
            <WorkLink key={item.href} item={item} />
          ))}
        </Section>
        {mayReview ? (
          <Section
            title="Waiting for my review"
            count={work.toReview.length}
            empty="No claim you may decide needs review."
          >
            {work.toReview.map((item) => (
              <WorkLink key={item.href} item={item} />
            ))}
          </Section>
        ) : null}
        <Section title="Mentions" count={work.mentions.length} empty="No one has mentioned you yet.">
          {work.mentions.map((item) => (
            <WorkLink
              key={`${item.href}@${item.at.toISOString()}`}
              item={item}
              detail={`${item.by}, ${dateFormat.format(item.at)}`}
            />
          ))}
        </Section>
        <Section title="Stories I follow" count={work.following.length} empty="You follow no story yet.">
          {work.following.map((story) => (
            <li key={story.id} className="flex items-center justify-between gap-2 py-2">
              <Link
                href={`/stories/${story.slug}/edit`}
                className="font-medium text-blue-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
              >
                {story.title}
              </Link>
              <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs capitalize text-stone-700">
                {story.status.replace("_", " ")}
              </span>
            </li>
          ))}
        </Section>
      </div>
      <p className="mt-2 text-xs text-stone-500">
        You follow a story you created, review, worked on a claim of, were assigned a claim in or were mentioned in.
      </p>
    </section>
  );
}
