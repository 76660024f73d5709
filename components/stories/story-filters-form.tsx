import Link from "next/link";
import type { StoryFilters } from "@/server/stories/story-filters";

type Person = { id: string; name: string };

const FIELD =
  "rounded border border-stone-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-blue-600";

/** A filter by person: anyone, me, or one of `people`. */
function PersonSelect({
  label,
  name,
  value,
  people,
}: {
  label: string;
  name: string;
  value: string | undefined;
  people: Person[];
}) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-stone-600">
      {label}
      <select name={name} defaultValue={value ?? ""} className={FIELD}>
        <option value="">Anyone</option>
        <option value="me">Me</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The story list's search and filters: a GET form on `/` (status, assignee, reviewer, updated within, words), so
 * it works without JavaScript and each result has its own address.
 */
export function StoryFiltersForm({
  filters,
  people,
  reviewers,
}: {
  filters: StoryFilters;
  people: Person[];
  reviewers: Person[];
}) {
  return (
    <form method="get" action="/" role="search" aria-label="Stories" className="mb-4 flex flex-wrap items-end gap-3">
      <label className="flex min-w-48 flex-1 flex-col gap-1 text-xs font-medium text-stone-600">
        Search titles, summaries and sources
        <input type="search" name="q" defaultValue={filters.q ?? ""} className={FIELD} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-stone-600">
        Status
        <select name="status" defaultValue={filters.status ?? ""} className={FIELD}>
          <option value="">Any</option>
          <option value="draft">Draft</option>
          <option value="in_review">In review</option>
          <option value="published">Published</option>
        </select>
      </label>
      <PersonSelect label="Assignee" name="assignee" value={filters.assignee} people={people} />
      <PersonSelect label="Reviewer" name="reviewer" value={filters.reviewer} people={reviewers} />
      <label className="flex flex-col gap-1 text-xs font-medium text-stone-600">
        Updated
        <select name="updated" defaultValue={filters.updated ?? ""} className={FIELD}>
          <option value="">Any time</option>
          <option value="day">In the last day</option>
          <option value="week">In the last week</option>
          <option value="month">In the last month</option>
        </select>
      </label>
      <button
        type="submit"
        className="rounded bg-stone-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
      >
        Filter
      </button>
      <Link href="/" className="py-1.5 text-sm text-blue-800 underline">
        Clear
      </Link>
    </form>
  );
}
