import { localePath } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translate";
import { claimReviews, jsonForScript } from "@/lib/reader/claim-review";
import { coverageOf } from "@/lib/reader/coverage";
import { readerClaims } from "@/lib/reader/reader-claims";
import { segmentSummary } from "@/lib/reader/summary-segments";
import type { PublishedStory } from "@/server/stories/published";
import { ClaimEvidence } from "./claim-evidence";
import { CoveragePanel } from "./coverage-panel";
import { EvidencePopover } from "./evidence-popover";
import { ReaderSummary } from "./reader-summary";

interface StoryViewProps {
  story: PublishedStory;
  /** The page's public address, in its language: ClaimReview's URLs are made from it. */
  pageUrl: string;
  organisation: string;
  t: Translator;
}

/**
 * A published fact check as readers see it, rendered from the stored version alone: the chrome in `t`'s language,
 * the check's own words (marked `data-published`, with `dir="auto"` since their language is not stored) as published.
 * Each claim in the summary links to its footnote; the page's script (lib/reader/evidence-popover.ts) shows the
 * footnote's evidence in the popover (EvidencePopover, a template). Rendered to static HTML once per version,
 * address and language (server/reader/reader-document.tsx), never in the browser.
 */
export function PublishedStoryView({ story, pageUrl, organisation, t }: StoryViewProps) {
  const m = t.messages.check;
  const coverage = coverageOf(story.content);
  const claims = readerClaims(story.content, coverage, t);
  const paragraphs = segmentSummary(story.content.summary, story.content.claims);
  const reviews = claimReviews(story.content, {
    pageUrl,
    organisation,
    datePublished: story.publishedAt.toISOString(),
  });

  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-emerald-800">
          {t.format(m.kicker, { organisation })}
        </p>
        <h1
          className="font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl"
          dir="auto"
          data-published
        >
          {story.title}
        </h1>
        <p className="text-sm text-stone-700">
          {t.format(m.meta, {
            number: story.number,
            date: t.date(story.publishedAt),
            claims: t.plural(m.claimCount, claims.length),
            sources: t.plural(m.sourceCount, coverage.outlets.length),
          })}
        </p>
        {story.correctionNote ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            <span className="font-semibold">{m.correction}</span>{" "}
            <span dir="auto" data-published>
              {story.correctionNote}
            </span>
          </p>
        ) : null}
        {story.later.length > 0 ? (
          <div
            role="note"
            className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950"
            data-testid="newer-version"
          >
            <p>
              {m.newerVersion}{" "}
              <a href={localePath(t.locale, `/stories/${story.slug}`)} className="font-semibold underline">
                {t.format(m.readVersion, { number: story.latestNumber })}
              </a>
            </p>
            <ul className="mt-1 list-disc ps-5">
              {story.later.map((version) => (
                <li key={version.number}>
                  {t.format(m.laterVersion, { number: version.number, date: t.date(version.publishedAt) })}{" "}
                  {version.correctionNote ? (
                    <span dir="auto" data-published>
                      {version.correctionNote}
                    </span>
                  ) : (
                    m.noNote
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </header>

      <section aria-labelledby="summary-title">
        <h2 id="summary-title" className="sr-only">
          {m.summary}
        </h2>
        <div>
          <div
            className="space-y-4 font-serif text-xl leading-relaxed"
            data-testid="reader-summary"
            dir="auto"
            data-published
          >
            <ReaderSummary paragraphs={paragraphs} claims={claims} t={t} />
          </div>
          <EvidencePopover labels={{ title: m.popoverTitle, close: m.close, permalink: m.popoverPermalink }} />
        </div>
        <p className="mt-3 text-sm text-stone-600">{m.summaryHint}</p>
      </section>

      <section
        aria-labelledby="coverage-heading"
        className="rounded-lg border border-stone-200 bg-white p-4"
        data-testid="coverage-panel"
      >
        <CoveragePanel coverage={coverage} t={t} />
      </section>

      <section aria-labelledby="evidence-list-title">
        <h2 id="evidence-list-title" className="mb-3 font-serif text-2xl font-semibold">
          {m.claimsAndEvidence}
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
                <span className="me-2 font-sans text-sm font-semibold text-emerald-800">{`${claim.number}.`}</span>“
                <span data-claim-words dir="auto" data-published>
                  {claim.text}
                </span>
                ”
              </h3>
              <div className="mt-2" data-evidence>
                <ClaimEvidence claim={claim} t={t} />
              </div>
              <p className="mt-2 text-xs">
                <a href={`#ref-${claim.id}`} className="underline">
                  {m.backToSummary}
                </a>
                {" · "}
                <a href={`#claim-${claim.id}`} className="underline">
                  {m.permalink}
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
