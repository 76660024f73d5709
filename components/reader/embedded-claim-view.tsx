import type { EmbeddedClaim } from "@/server/reader/embedded-claim";
import { ClaimEvidence } from "./claim-evidence";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/**
 * A published claim inside another site's page: the claim's words, its verdict and quotes (ClaimEvidence, as the
 * reader page shows them), and a link to the whole check, opened outside the frame.
 */
export function EmbeddedClaimView({
  found,
  pageUrl,
  organisation,
}: {
  found: EmbeddedClaim;
  pageUrl: string;
  organisation: string;
}) {
  const { claim, story } = found;
  return (
    <article className="space-y-3 rounded-lg border border-stone-300 p-4" data-testid="embedded-claim">
      <p className="text-xs font-semibold uppercase tracking-wide text-emerald-800">Fact check · {organisation}</p>
      <h1 className="font-serif text-xl font-bold leading-snug">“{claim.text}”</h1>
      <ClaimEvidence claim={claim} />
      {story.number < story.latestNumber ? (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          This claim was checked in version {story.number}; a later correction removed it.
        </p>
      ) : null}
      <p className="border-t border-stone-200 pt-2 text-sm text-stone-700">
        From{" "}
        <a href={pageUrl} target="_blank" rel="noopener" className="font-semibold text-blue-800 underline">
          {story.title}
        </a>
        , version {story.number}, published{" "}
        <time dateTime={story.publishedAt.toISOString()}>{dateFormat.format(story.publishedAt)}</time>.
      </p>
    </article>
  );
}
