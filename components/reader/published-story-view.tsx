import Link from "next/link";
import { claimReviews, jsonForScript } from "@/lib/reader/claim-review";
import { coverageOf } from "@/lib/reader/coverage";
import { readerClaims } from "@/lib/reader/reader-claims";
import { segmentSummary } from "@/lib/reader/summary-segments";
import type { PublishedStory } from "@/server/stories/published";
import { ClaimEvidence } from "./claim-evidence";
import { CoveragePanel } from "./coverage-panel";
import { ReaderSummary } from "./reader-summary";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** A published fact check as readers see it, rendered from the stored version alone. */
export function PublishedStoryView({
  story,
  pageUrl,
  organisation,
}: {
  story: PublishedStory;
  pageUrl: string;
  organisation: string;
}) {
  const coverage = coverageOf(story.content);
  const claims = readerClaims(story.content, coverage);
  const paragraphs = segmentSummary(story.content.summary, story.content.claims);
  const reviews = claimReviews(story.content, {
    pageUrl,
    organisation,
    datePublished: story.publishedAt.toISOString(),
  });

  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-emerald-800">Fact check · {organisation}</p>
        <h1 className="font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl">{story.title}</h1>
        <p className="text-sm text-stone-700">
          Version {story.number} · published {dateFormat.format(story.publishedAt)} · {claims.length}{" "}
          {claims.length === 1 ? "claim" : "claims"} checked against {coverage.outlets.length}{" "}
          {coverage.outlets.length === 1 ? "source" : "sources"}
        </p>
        {story.correctionNote ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            <span className="font-semibold">Correction:</span> {story.correctionNote}
          </p>
        ) : null}
        {story.later.length > 0 ? (
          <div
            role="note"
            className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950"
            data-testid="newer-version"
          >
            <p>
              A newer version of this check exists.{" "}
              <Link href={`/stories/${story.slug}`} className="font-semibold underline">
                Read version {story.latestNumber}
              </Link>
            </p>
            <ul className="mt-1 list-disc pl-5">
              {story.later.map((version) => (
                <li key={version.number}>
                  Version {version.number} ({dateFormat.format(version.publishedAt)}):{" "}
                  {version.correctionNote ?? "no note"}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </header>

      <section aria-labelledby="summary-title">
        <h2 id="summary-title" className="sr-only">
          Summary
        </h2>
        <ReaderSummary paragraphs={paragraphs} claims={claims} />
        <p className="mt-3 text-sm text-stone-600">Select or tab to a highlighted claim to see its evidence.</p>
      </section>

      <CoveragePanel coverage={coverage} />

      <section aria-labelledby="evidence-list-title">
        <h2 id="evidence-list-title" className="mb-3 font-serif text-2xl font-semibold">
          Claims and evidence
        </h2>
        <ol className="space-y-6" data-testid="evidence-list">
          {claims.map((claim) => (
            <li
              key={claim.id}
              id={`claim-${claim.id}`}
              data-claim-footnote={claim.id}
              data-claim-number={claim.number}
              className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4 target:border-emerald-700 target:ring-2 target:ring-emerald-700"
            >
              <h3 className="font-serif text-lg">
                <span className="mr-2 font-sans text-sm font-semibold text-emerald-800">{claim.number}.</span>“
                <span data-claim-words>{claim.text}</span>”
              </h3>
              <div className="mt-2" data-evidence>
                <ClaimEvidence claim={claim} />
              </div>
              <p className="mt-2 text-xs">
                <a href={`#ref-${claim.id}`} className="underline">
                  Back to the summary
                </a>{" "}
                ·{" "}
                <a href={`#claim-${claim.id}`} className="underline">
                  Permalink
                </a>
              </p>
            </li>
          ))}
        </ol>
      </section>

      {/* JSON-LD, escaped by jsonForScript so that no text can close the script tag. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(reviews) }} />
    </article>
  );
}
