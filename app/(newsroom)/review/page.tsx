import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { QueueDecision } from "@/components/review/queue-decision";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/auth/policy";
import { getSessionUser } from "@/server/auth/session";
import { loadReviewQueue } from "@/server/review/review-queue";
import { reviewDeps } from "@/server/review/review-deps";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=%2Freview");
  if (!can(user.role, "approve")) redirect("/");
  const queue = await loadReviewQueue(reviewDeps(), user.id);

  return (
    <div>
      <h1 className="mb-1 font-serif text-3xl font-bold tracking-tight">Review queue</h1>
      <p className="mb-6 text-sm text-stone-600">Claims that need review, across stories, with their evidence.</p>
      {queue.unreachable ? (
        <Alert className="mb-4">
          The collaboration server is not reachable, so the live claims of stories changed since they were last read are
          missing here. Try again in a moment.
        </Alert>
      ) : null}
      {queue.unreadable.length > 0 ? (
        <ul
          aria-label="Stories that could not be read"
          className="mb-4 space-y-1 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {queue.unreadable.map((story) => (
            <li key={story.id}>
              <Link href={`/stories/${story.slug}/edit`} className="underline">
                {story.title}
              </Link>{" "}
              could not be read: its claims are not listed here.
            </li>
          ))}
        </ul>
      ) : null}
      {queue.claims.length === 0 ? (
        queue.unreachable ? null : (
          <p className="text-stone-600">Nothing needs review.</p>
        )
      ) : (
        <ul className="space-y-3" data-testid="review-queue">
          {queue.claims.map(({ story, claim, canDecide }) => (
            <li
              key={`${story.id}-${claim.claim.id}`}
              className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
            >
              <Link href={`/stories/${story.slug}/edit`} className="text-xs text-blue-800 underline">
                {story.title}
              </Link>
              <p className="mt-1 font-serif text-lg">“{claim.span?.text ?? "Detached claim"}”</p>
              <p className="text-xs text-stone-500">Marked by {claim.claim.createdBy.name}</p>
              <ul className="mt-2 space-y-1 text-sm">
                {claim.quotes.map(({ quote, outlet, verification }) => (
                  <li key={quote.id} className="rounded bg-stone-50 p-2">
                    <span className="font-semibold">{outlet ?? "Unknown source"}</span> · {quote.stance} ·{" "}
                    {verification.verified ? "verified verbatim" : `does not verify: ${verification.reason}`}
                    <span className="block font-serif">“{quote.selector.exact}”</span>
                  </li>
                ))}
                {claim.quotes.length === 0 ? <li className="text-stone-500">No quotes.</li> : null}
              </ul>
              <div className="mt-2">
                <QueueDecision
                  storyId={story.id}
                  review={{ id: claim.claim.id, hash: claim.hash, ...claim.review, canDecide }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
