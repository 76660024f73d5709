import { VERDICT_TEXT, verdictSchema } from "@/lib/review/review-state";
import type { VersionDiff } from "@/lib/versions/version-diff";

function verdictText(value: string | null): string {
  const parsed = verdictSchema.safeParse(value);
  return parsed.success ? VERDICT_TEXT[parsed.data] : "—";
}

/** What changed between two versions: the summary with insertions and deletions marked, then the claims. */
export function VersionDiffView({ diff, from, to }: { diff: VersionDiff; from: number; to: number }) {
  return (
    <section
      aria-labelledby="diff-heading"
      className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
      data-testid="version-diff"
    >
      <h2 id="diff-heading" className="mb-2 font-serif text-xl font-semibold">
        Version {from} → version {to}
      </h2>
      <p className="font-serif leading-relaxed" data-testid="summary-diff">
        {diff.summary.map((part, index) =>
          part.kind === "added" ? (
            <ins key={index} className="bg-emerald-100 text-emerald-950 no-underline">
              <span className="sr-only">[added: </span>
              {part.text}
              <span className="sr-only">]</span>
            </ins>
          ) : part.kind === "removed" ? (
            <del key={index} className="bg-red-100 text-red-950">
              <span className="sr-only">[removed: </span>
              {part.text}
              <span className="sr-only">]</span>
            </del>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
      <h3 className="mt-4 text-sm font-semibold uppercase tracking-wide text-stone-500">Claims</h3>
      {diff.claims.length === 0 ? (
        <p className="text-sm text-stone-600">No claim changed.</p>
      ) : (
        <ul className="mt-1 space-y-2 text-sm" data-testid="claim-diff">
          {diff.claims.map((claim) => (
            <li key={claim.id} className="rounded border border-stone-200 p-2">
              <span className="font-medium capitalize">{claim.kind}</span>
              {claim.before !== null && claim.after !== null && claim.before !== claim.after ? (
                <span className="block font-serif">
                  <del className="bg-red-100">{claim.before}</del> →{" "}
                  <ins className="bg-emerald-100 no-underline">{claim.after}</ins>
                </span>
              ) : (
                <span className="block font-serif">{claim.after ?? claim.before}</span>
              )}
              {claim.verdictBefore !== claim.verdictAfter ? (
                <span className="block text-stone-600">
                  Verdict: {verdictText(claim.verdictBefore)} → {verdictText(claim.verdictAfter)}
                </span>
              ) : null}
              {claim.quotesAdded.map((quote) => (
                <span key={quote.id} className="block text-emerald-800">
                  + quote “{quote.exact}”
                </span>
              ))}
              {claim.quotesRemoved.map((quote) => (
                <span key={quote.id} className="block text-red-800">
                  − quote “{quote.exact}”
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
