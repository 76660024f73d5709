import Link from "next/link";
import { localePath } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translate";
import { outletPath } from "@/lib/reader/check-listing";
import type { CheckListPage, ListedCheck } from "@/server/reader/check-listing";

const VERDICTS = [
  { key: "supported", className: "bg-emerald-100 text-emerald-900" },
  { key: "partly_supported", className: "bg-amber-100 text-amber-950" },
  { key: "unsupported", className: "bg-red-100 text-red-900" },
] as const;

/** A list page's address with its search and page number (page 1 and an empty search are left out). */
function listHref(path: string, q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * One published check in a list: title, date, correction mark, verdict counts and the outlets it quotes. The
 * check's own words (title, summary, outlets) stay as published (`dir="auto"`: their language is not stored);
 * the labels are the locale's. The link leads to the check's page in the same locale.
 */
function CheckItem({ check, t }: { check: ListedCheck; t: Translator }) {
  const m = t.messages.checkList;
  const excerpt = check.summary.length > 240 ? `${check.summary.slice(0, 240).trimEnd()}…` : check.summary;
  return (
    <li className="py-5" data-testid="listed-check">
      <article className="space-y-2">
        <h2 className="font-serif text-xl font-bold leading-snug">
          <a
            href={localePath(t.locale, `/stories/${check.slug}`)}
            dir="auto"
            className="text-blue-800 underline-offset-2 hover:underline"
          >
            {check.title}
          </a>
        </h2>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-700">
          <time dateTime={check.publishedAt.toISOString()}>
            {t.format(m.published, { date: t.date(check.publishedAt) })}
          </time>
          {check.correction ? (
            <span
              className="rounded border border-amber-300 bg-amber-50 px-1.5 py-0.5 text-xs font-semibold text-amber-950"
              title={check.correction.note ?? undefined}
              data-testid="correction-mark"
            >
              {t.format(m.corrected, { number: check.latestVersion })}
            </span>
          ) : null}
        </p>
        <p lang="en" dir="auto" className="font-serif leading-relaxed text-stone-800">
          {excerpt}
        </p>
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="verdict-counts">
          <span className="font-semibold">{t.plural(m.claims, check.claims.total)}</span>
          {VERDICTS.filter(({ key }) => check.claims[key] > 0).map(({ key, className }) => (
            <span key={key} className={`rounded-full px-2 py-0.5 text-xs font-medium ${className}`}>
              {t.format(m[key], { count: check.claims[key] })}
            </span>
          ))}
        </p>
        {check.outlets.length > 0 ? (
          <p className="text-sm text-stone-700">
            {m.quotes}{" "}
            {check.outlets.map((outlet, i) => (
              <span key={outlet.key}>
                {i > 0 ? m.listSeparator : ""}
                <Link
                  href={localePath(t.locale, outletPath(outlet.key))}
                  prefetch={false}
                  dir="auto"
                  className="text-blue-800 underline"
                >
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
 * JavaScript). No reader link prefetches: each prefetch is a page the server renders and a phone decodes while
 * the reader has not asked for it (a front page of ten checks prefetched one page per outlet, and Lighthouse
 * counted their decoding as blocking time). `path` (unprefixed) and `q` make the links; `empty` is said when the
 * page lists nothing.
 */
export function CheckList({
  list,
  path,
  q,
  empty,
  t,
}: {
  list: CheckListPage;
  path: string;
  q: string;
  empty: string;
  t: Translator;
}) {
  const m = t.messages.checkList;
  return (
    <>
      {list.checks.length === 0 ? (
        <p className="py-6 text-stone-700">{empty}</p>
      ) : (
        <ul className="divide-y divide-stone-200" data-testid="check-list">
          {list.checks.map((check) => (
            <CheckItem key={check.slug} check={check} t={t} />
          ))}
        </ul>
      )}
      {list.pages > 1 ? (
        <nav
          aria-label={m.pages}
          className="mt-4 flex items-center justify-between gap-4 border-t border-stone-200 pt-4"
        >
          {list.page > 1 ? (
            <Link
              href={localePath(t.locale, listHref(path, q, list.page - 1))}
              prefetch={false}
              rel="prev"
              className="text-blue-800 underline"
            >
              {m.newer}
            </Link>
          ) : (
            <span />
          )}
          <p className="text-sm text-stone-700">{t.format(m.pageOf, { page: list.page, pages: list.pages })}</p>
          {list.page < list.pages ? (
            <Link
              href={localePath(t.locale, listHref(path, q, list.page + 1))}
              prefetch={false}
              rel="next"
              className="text-blue-800 underline"
            >
              {m.older}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
