"use client";

import { useId, type ReactNode } from "react";

/** The text inputs, selects and text areas of the workspace's forms. */
export const FIELD_INPUT =
  "w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600";

/**
 * A labelled form field: the label names the control by id (passed to `children`), so the control's
 * accessible name is the label alone.
 */
export function Field({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`space-y-1 text-sm ${className}`}>
      <label htmlFor={id} className="block font-medium text-stone-700">
        {label}
      </label>
      {children(id)}
    </div>
  );
}
