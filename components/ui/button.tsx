import type { ButtonHTMLAttributes } from "react";

/** The buttons of the workspace's dialogs and forms. */
const DIALOG =
  "rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50";

const VARIANTS = {
  /** The step that completes a dialog's form: import, save. */
  primary: `${DIALOG} bg-blue-700 text-white hover:bg-blue-800`,
  /** An action that opens or continues something: "Add sources", "Continue". */
  dark: `${DIALOG} bg-stone-800 text-white hover:bg-stone-700`,
  /** A way back: "Back". */
  quiet: `${DIALOG} text-stone-700 hover:bg-stone-100`,
  /** A dialog's close button. */
  close: `${DIALOG} text-stone-600 hover:bg-stone-100`,
  /** The submit button of a form on a page of its own: a new story, an invitation. */
  form: "rounded bg-stone-800 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50",
  /** The full-width submit button of the sign-in and set-password cards. */
  wide: "w-full rounded bg-stone-900 px-3 py-2 font-medium text-white hover:bg-stone-700 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600",
} as const;

/** A button in one of the app's shared looks; a plain button unless `type` says otherwise. */
export function Button({
  variant,
  type = "button",
  ...props
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "className"> & { variant: keyof typeof VARIANTS }) {
  return <button type={type} {...props} className={VARIANTS[variant]} />;
}
