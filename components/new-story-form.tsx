"use client";

import { useActionState } from "react";
import { createStoryAction, type NewStoryState } from "@/app/(newsroom)/stories/new/actions";

/** The form that creates a story from its title. */
export function NewStoryForm() {
  const [state, action, pending] = useActionState<NewStoryState, FormData>(createStoryAction, null);
  return (
    <form action={action} className="space-y-3">
      <label className="block space-y-1">
        <span className="text-sm font-medium text-stone-700">Title</span>
        <input
          name="title"
          required
          minLength={3}
          maxLength={200}
          autoFocus
          className="w-full rounded border border-stone-300 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-blue-600"
        />
      </label>
      {state ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-stone-800 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50"
      >
        {pending ? "Creating…" : "Create story"}
      </button>
    </form>
  );
}
