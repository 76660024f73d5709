import type { Translator } from "@/lib/i18n/translate";
import type { ReaderClaim } from "@/lib/reader/reader-claims";
import type { SummarySegment } from "@/lib/reader/summary-segments";

/**
 * The paragraphs of a published summary with its claims marked, rendered on the server. Each claim is a link to
 * its footnote, so reading works without JavaScript; the page's small script (lib/reader/evidence-popover.ts)
 * turns those links into popovers.
 */
export function ReaderSummary({
  paragraphs,
  claims,
  t,
}: {
  paragraphs: SummarySegment[][];
  claims: ReaderClaim[];
  t: Translator;
}) {
  const m = t.messages.check;
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  return paragraphs.map((paragraph, index) => (
    <p key={index}>
      {paragraph.map((segment, part) => {
        const claim = segment.claimId ? byId.get(segment.claimId) : undefined;
        if (!claim) return <span key={part}>{segment.text}</span>;
        return (
          <span key={part}>
            <a
              href={`#claim-${claim.id}`}
              id={segment.claimStart ? `ref-${claim.id}` : undefined}
              data-claim-id={claim.id}
              tabIndex={segment.claimStart ? 0 : -1}
              className="claim-link rounded-sm border-b-2 border-emerald-700 bg-emerald-50 text-inherit no-underline hover:bg-emerald-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 aria-expanded:bg-emerald-100"
            >
              {segment.text}
              {segment.claimStart ? (
                <span className="sr-only" data-chrome>
                  {` ${t.format(m.claimLinkHint, { number: claim.number, verdict: claim.verdict })}`}
                </span>
              ) : null}
            </a>
            {segment.claimStart ? (
              <sup className="ms-0.5 font-sans text-xs font-semibold text-emerald-800" aria-hidden="true">
                {claim.number}
              </sup>
            ) : null}
          </span>
        );
      })}
    </p>
  ));
}
