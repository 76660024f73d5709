import type { ReaderClaim } from "@/lib/reader/reader-claims";

/** A claim's verdict and its quotes in context, each with its source: used by the footnotes and the popover. */
export function ClaimEvidence({ claim }: { claim: ReaderClaim }) {
  return (
    <div className="space-y-3">
      <p className="text-sm">
        <span className="font-semibold">{claim.verdict}</span>
        <span className="text-stone-600">
          {" "}
          · {claim.supportingOutlets.length} supporting {claim.supportingOutlets.length === 1 ? "outlet" : "outlets"}
          {claim.singleSource ? " · single source" : ""} · reviewed by {claim.approvedBy}
        </span>
      </p>
      <ul className="space-y-3">
        {claim.quotes.map((quote) => (
          <li key={quote.id} className="border-l-4 border-stone-300 pl-3">
            <blockquote className="font-serif leading-relaxed text-stone-800">
              <span className="text-stone-600">…{quote.prefix}</span>
              <mark className="bg-yellow-100 text-stone-950">{quote.exact}</mark>
              <span className="text-stone-600">{quote.suffix}…</span>
            </blockquote>
            <p className="mt-1 text-xs text-stone-700">
              <span className="font-semibold">{quote.stance}</span> ·{" "}
              <span className="font-semibold">{quote.outlet}</span> · {quote.bias}
              {quote.reliability ? ` · ${quote.reliability}` : ""}
              {quote.headline ? ` · “${quote.headline}”` : ""}
              {quote.date ? ` · ${quote.date}` : ""}
              {quote.url ? (
                <>
                  {" · "}
                  <a href={quote.url} className="underline" rel="noopener noreferrer">
                    Read the source
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
