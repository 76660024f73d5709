import Link from "next/link";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A published check as the front page lists it. */
export interface FrontPageCheck {
  slug: string;
  title: string;
  publishedAt: Date;
}

/** The public front page at `/` for signed-out visitors: the latest published checks, newest first. */
export function FrontPage({ checks }: { checks: readonly FrontPageCheck[] }) {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-6 font-serif text-3xl font-bold tracking-tight">Latest fact checks</h1>
      {checks.length === 0 ? (
        <p className="text-stone-600">No fact check has been published yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200" data-testid="published-checks">
          {checks.map((check) => (
            <li key={check.slug} className="py-4">
              <h2 className="font-serif text-xl font-bold">
                <Link href={`/stories/${check.slug}`} className="text-blue-800 underline-offset-2 hover:underline">
                  {check.title}
                </Link>
              </h2>
              <p className="text-sm text-stone-600">
                Published <time dateTime={check.publishedAt.toISOString()}>{dateFormat.format(check.publishedAt)}</time>{" "}
                UTC
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
