import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { VersionDiffView } from "@/components/review/version-diff-view";
import { can } from "@/lib/auth/policy";
import { diffVersions } from "@/lib/versions/version-diff";
import { getSessionUser } from "@/server/auth/session";
import { storyHistory, versionContent } from "@/server/stories/history";
import { findStoryWithSources } from "@/server/stories/queries";

export const metadata: Metadata = { title: "Versions and history" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function VersionsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/stories/${slug}/versions`)}`);
  if (!can(user.role, "open_workspace")) redirect("/");
  const story = await findStoryWithSources(slug);
  if (!story) notFound();
  const { versions, audit } = await storyHistory(story.id);
  const query = await searchParams;
  const latest = versions[0]?.number ?? 0;
  const to = Number(query.to ?? latest);
  const from = Number(query.from ?? Math.max(1, to - 1));
  const [before, after] = await Promise.all([
    Number.isInteger(from) ? versionContent(story.id, from) : null,
    Number.isInteger(to) ? versionContent(story.id, to) : null,
  ]);

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/stories/${slug}/edit`} className="text-sm text-blue-800 underline">
          ← Back to the workspace
        </Link>
        <h1 className="mt-1 font-serif text-3xl font-bold tracking-tight">{story.title}</h1>
        <p className="text-sm text-stone-500">Versions and history</p>
      </div>

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading" className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-500">
          Published versions ({versions.length})
        </h2>
        {versions.length === 0 ? (
          <p className="text-sm text-stone-600">Nothing is published yet.</p>
        ) : (
          <ol
            className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm shadow-sm"
            data-testid="version-list"
          >
            {versions.map((version) => (
              <li key={version.number} className="px-4 py-2">
                <span className="font-medium">Version {version.number}</span> · {version.publishedBy.name} ·{" "}
                {timeFormat.format(version.publishedAt)} UTC
                {version.correctionNote ? (
                  <span className="block text-stone-700">Correction: {version.correctionNote}</span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      {versions.length >= 2 ? (
        <form className="flex flex-wrap items-end gap-3 text-sm" aria-label="Compare versions">
          {(["from", "to"] as const).map((name) => (
            <label key={name} className="flex flex-col">
              {name === "from" ? "Compare version" : "with version"}
              <select
                name={name}
                defaultValue={name === "from" ? from : to}
                className="rounded border border-stone-300 px-2 py-1"
              >
                {versions.map((version) => (
                  <option key={version.number} value={version.number}>
                    {version.number}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 font-medium text-white">
            Compare
          </button>
        </form>
      ) : null}
      {before && after && from !== to ? (
        <VersionDiffView diff={diffVersions(before, after)} from={from} to={to} />
      ) : null}

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-500">
          Audit log
        </h2>
        {audit.length === 0 ? (
          <p className="text-sm text-stone-600">Nothing recorded yet.</p>
        ) : (
          <ol className="space-y-1 text-sm" data-testid="audit-log">
            {audit.map((event) => (
              <li key={event.id}>
                <span className="text-stone-500">{timeFormat.format(event.at)} UTC</span> · {event.actor.name}{" "}
                {event.description}
                {event.reason ? <span className="text-stone-700"> — “{event.reason}”</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
