import type { ButtonHTMLAttributes } from "react";

const BUTTON =
  "rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50";

const VARIANTS = {
  /** The step that completes a form: import, save. */
  primary: "bg-blue-700 text-white hover:bg-blue-800",
  /** An action that opens or continues something: "Add sources", "Continue". */
  dark: "bg-stone-800 text-white hover:bg-stone-700",
  /** A way back or out: "Back". */
  quiet: "text-stone-700 hover:bg-stone-100",
  /** A dialog's close button. */
  close: "text-stone-600 hover:bg-stone-100",
} as const;

/** A button of the workspace's forms and dialogs in one of its variants; a plain button unless `type` says. */
export function Button({
  variant,
  type = "button",
  ...props
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "className"> & { variant: keyof typeof VARIANTS }) {
  return <button type={type} {...props} className={`${BUTTON} ${VARIANTS[variant]}`} />;
}
