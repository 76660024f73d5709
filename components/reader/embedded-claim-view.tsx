import type { Translator } from "@/lib/i18n/translate";
import type { EmbeddedClaim } from "@/server/reader/embedded-claim";
import { ClaimEvidence } from "./claim-evidence";

/**
 * A published claim inside another site's page: the claim's words, its verdict and quotes (ClaimEvidence, as the
 * reader page shows them), and a link to the whole check, opened outside the frame. Labels in `t`'s language.
 */
export function EmbeddedClaimView({
  found,
  pageUrl,
  organisation,
  t,
}: {
  found: EmbeddedClaim;
  pageUrl: string;
  organisation: string;
  t: Translator;
}) {
  const { claim, story } = found;
  const [before, after] = t.around(t.messages.embed.from, "title", {
    number: story.number,
    date: t.date(story.publishedAt),
  });
  return (
    <article className="space-y-3 rounded-lg border border-stone-300 p-4" data-testid="embedded-claim">
      <p className="text-xs font-semibold uppercase tracking-wide text-emerald-800">
        {t.format(t.messages.check.kicker, { organisation })}
      </p>
      <h1 className="font-serif text-xl font-bold leading-snug" dir="auto" data-published>
        “{claim.text}”
      </h1>
      <ClaimEvidence claim={claim} t={t} />
      {story.number < story.latestNumber ? (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t.format(t.messages.embed.removed, { number: story.number })}
        </p>
      ) : null}
      <p className="border-t border-stone-200 pt-2 text-sm text-stone-700">
        {before}
        <a
          href={pageUrl}
          target="_blank"
          rel="noopener"
          className="font-semibold text-blue-800 underline"
          dir="auto"
          data-published
        >
          {story.title}
        </a>
        {after}
      </p>
    </article>
  );
}
