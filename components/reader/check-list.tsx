import Link from "next/link";
import { outletPath } from "@/lib/reader/check-listing";
import type { CheckListPage, ListedCheck } from "@/server/reader/check-listing";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

const VERDICTS = [
  { key: "supported", label: "supported", className: "bg-emerald-100 text-emerald-900" },
  { key: "partly_supported", label: "partly supported", className: "bg-amber-100 text-amber-950" },
  { key: "unsupported", label: "unsupported", className: "bg-red-100 text-red-900" },
] as const;

/** A list page's address with its search and page number (page 1 and an empty search are left out). */
function listHref(path: string, q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** One published check in a list: title, date, correction mark, verdict counts and the outlets it quotes. */
function CheckItem({ check }: { check: ListedCheck }) {
  const excerpt = check.summary.length > 240 ? `${check.summary.slice(0, 240).trimEnd()}…` : check.summary;
  return (
    <li className="py-5" data-testid="listed-check">
      <article className="space-y-2">
        <h2 className="font-serif text-xl font-bold leading-snug">
          <Link href={`/stories/${check.slug}`} className="text-blue-800 underline-offset-2 hover:underline">
            {check.title}
          </Link>
        </h2>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-700">
          <span>
            Published <time dateTime={check.publishedAt.toISOString()}>{dateFormat.format(check.publishedAt)}</time>
          </span>
          {check.correction ? (
            <span
              className="rounded border border-amber-300 bg-amber-50 px-1.5 py-0.5 text-xs font-semibold text-amber-950"
              title={check.correction.note ?? undefined}
              data-testid="correction-mark"
            >
              Corrected · version {check.latestVersion}
            </span>
          ) : null}
        </p>
        <p className="font-serif leading-relaxed text-stone-800">{excerpt}</p>
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="verdict-counts">
          <span className="font-semibold">
            {check.claims.total} {check.claims.total === 1 ? "claim" : "claims"}:
          </span>
          {VERDICTS.filter(({ key }) => check.claims[key] > 0).map(({ key, label, className }) => (
            <span key={key} className={`rounded-full px-2 py-0.5 text-xs font-medium ${className}`}>
              {check.claims[key]} {label}
            </span>
          ))}
        </p>
        {check.outlets.length > 0 ? (
          <p className="text-sm text-stone-700">
            Quotes{" "}
            {check.outlets.map((outlet, i) => (
              <span key={outlet.key}>
                {i > 0 ? ", " : ""}
                <Link href={outletPath(outlet.key)} className="text-blue-800 underline">
                  {outlet.label}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
      </article>
    </li>
  );
}

/**
 * A page of published checks with links to the newer and older pages (plain links: the list works without
 * JavaScript). `path` and `q` make the links; `empty` is said when the page lists nothing.
 */
export function CheckList({ list, path, q, empty }: { list: CheckListPage; path: string; q: string; empty: string }) {
  return (
    <>
      {list.checks.length === 0 ? (
        <p className="py-6 text-stone-700">{empty}</p>
      ) : (
        <ul className="divide-y divide-stone-200" data-testid="check-list">
          {list.checks.map((check) => (
            <CheckItem key={check.slug} check={check} />
          ))}
        </ul>
      )}
      {list.pages > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-4 border-t border-stone-200 pt-4">
          {list.page > 1 ? (
            <Link href={listHref(path, q, list.page - 1)} rel="prev" className="text-blue-800 underline">
              ← Newer checks
            </Link>
          ) : (
            <span />
          )}
          <p className="text-sm text-stone-700">
            Page {list.page} of {list.pages}
          </p>
          {list.page < list.pages ? (
            <Link href={listHref(path, q, list.page + 1)} rel="next" className="text-blue-800 underline">
              Older checks →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
