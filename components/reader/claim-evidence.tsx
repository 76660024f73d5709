import type { Translator } from "@/lib/i18n/translate";
import type { ReaderClaim } from "@/lib/reader/reader-claims";

/**
 * A claim's verdict and its quotes in context, each with its source: used by the footnotes, the popover and the
 * embeds. Labels come from `t`; the published words (quotes, outlets, headlines, names) are marked
 * `data-published` and shown as they are.
 */
export function ClaimEvidence({ claim, t }: { claim: ReaderClaim; t: Translator }) {
  const m = t.messages.evidence;
  const [reviewedBefore, reviewedAfter] = t.around(m.reviewedBy, "name");
  return (
    <div className="space-y-3">
      <p className="text-sm">
        <span className="font-semibold">{claim.verdict}</span>
        {/* One text per run of labels (not one per piece): every node is sent twice, in the HTML and the RSC payload. */}
        <span className="text-stone-600">
          {` · ${t.plural(m.supportingOutlets, claim.supportingOutlets.length)}${claim.singleSource ? ` · ${m.singleSource}` : ""} · ${reviewedBefore}`}
          <span dir="auto" data-published>
            {claim.approvedBy}
          </span>
          {reviewedAfter}
        </span>
      </p>
      <ul className="space-y-3">
        {claim.quotes.map((quote) => (
          <li key={quote.id} className="border-s-4 border-stone-300 ps-3">
            <blockquote className="font-serif leading-relaxed text-stone-800" dir="auto" data-published>
              <span className="text-stone-600">{`…${quote.prefix}`}</span>
              <mark className="bg-yellow-100 text-stone-950">{quote.exact}</mark>
              <span className="text-stone-600">{`${quote.suffix}…`}</span>
            </blockquote>
            <p className="mt-1 text-xs text-stone-700">
              <span className="font-semibold">{quote.stance}</span>
              {" · "}
              <span className="font-semibold" dir="auto" data-published>
                {quote.outlet}
              </span>
              {` · ${quote.bias}`}
              {quote.reliability ? (
                <>
                  {" · "}
                  <span dir="auto" data-published>
                    {quote.reliability}
                  </span>
                </>
              ) : null}
              {quote.headline ? (
                <>
                  {" · "}
                  <span dir="auto" data-published>{`“${quote.headline}”`}</span>
                </>
              ) : null}
              {quote.date ? ` · ${quote.date}` : ""}
              {quote.url ? (
                <>
                  {" · "}
                  <a href={quote.url} className="underline" rel="noopener noreferrer">
                    {m.readSource}
                  </a>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
