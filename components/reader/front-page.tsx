import Link from "next/link";
import { localePath } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translate";
import type { CheckListPage } from "@/server/reader/check-listing";
import { CheckList } from "./check-list";

/**
 * The public front page at `/` for signed-out visitors: a search over the checks' titles and summaries (a GET
 * form, so it works without JavaScript) and the latest published checks, newest first, a page at a time.
 */
export function FrontPage({ list, q, t }: { list: CheckListPage; q: string; t: Translator }) {
  const m = t.messages.frontPage;
  const home = localePath(t.locale, "/");
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-4 font-serif text-3xl font-bold tracking-tight">{m.title}</h1>
      <form role="search" action={home} method="get" className="mb-2 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="check-search" className="mb-1 block text-sm font-medium">
            {m.searchLabel}
          </label>
          <input
            id="check-search"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={200}
            className="w-full rounded border border-stone-400 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-blue-600"
          />
        </div>
        <button
          type="submit"
          className="rounded bg-stone-800 px-4 py-2 font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          {m.searchButton}
        </button>
      </form>
      {q ? (
        <p className="text-sm text-stone-700" role="status">
          {t.plural(m.matches, list.total, { q })}{" "}
          <Link href={home} prefetch={false} className="text-blue-800 underline">
            {m.showAll}
          </Link>
        </p>
      ) : null}
      <CheckList list={list} path="/" q={q} empty={q ? m.noMatch : m.noChecks} t={t} />
    </div>
  );
}
