import Link from "next/link";
import type { CheckListPage } from "@/server/reader/check-listing";
import { CheckList } from "./check-list";

/**
 * The public front page at `/` for signed-out visitors: a search over the checks' titles and summaries (a GET
 * form, so it works without JavaScript) and the latest published checks, newest first, a page at a time.
 */
export function FrontPage({ list, q }: { list: CheckListPage; q: string }) {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-4 font-serif text-3xl font-bold tracking-tight">Latest fact checks</h1>
      <form role="search" action="/" method="get" className="mb-2 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="check-search" className="mb-1 block text-sm font-medium">
            Search the checks
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
          Search
        </button>
      </form>
      {q ? (
        <p className="text-sm text-stone-700" role="status">
          {list.total} {list.total === 1 ? "check matches" : "checks match"} “{q}”.{" "}
          <Link href="/" className="text-blue-800 underline">
            Show all checks
          </Link>
        </p>
      ) : null}
      <CheckList
        list={list}
        path="/"
        q={q}
        empty={q ? "No published check matches this search." : "No fact check has been published yet."}
      />
    </div>
  );
}
