import type { ReactNode } from "react";

const TONES = {
  /** What went wrong. */
  error: { role: "alert", className: "border-red-200 bg-red-50 text-red-800" },
  /** What needs attention before going on (someone else's change, for instance). */
  warning: { role: "alert", className: "border-amber-300 bg-amber-50 text-amber-900" },
  /** That something was done. */
  success: { role: "status", className: "border-emerald-200 bg-emerald-50 text-emerald-900" },
} as const;

/**
 * A message in a coloured box: an error or a warning is announced at once (role="alert"), a success politely
 * (role="status"). `className` places it (a margin); `id` lets a field point at it with aria-describedby.
 */
export function Alert({
  tone = "error",
  className,
  id,
  children,
}: {
  tone?: keyof typeof TONES;
  className?: string;
  id?: string;
  children: ReactNode;
}) {
  const box = `rounded border ${TONES[tone].className} px-3 py-2 text-sm`;
  return (
    <p id={id} role={TONES[tone].role} className={className ? `${className} ${box}` : box}>
      {children}
    </p>
  );
}
