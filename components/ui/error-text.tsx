import type { ReactNode } from "react";

/**
 * What went wrong, as red text beside the control it is about, announced at once (role="alert"); for a
 * message that stands on its own, in a box, use Alert. `className` sizes and places it.
 */
export function ErrorText({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <p role="alert" className={className ? `${className} text-red-800` : "text-red-800"}>
      {children}
    </p>
  );
}
