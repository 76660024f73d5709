import { PASSWORD_RULE } from "@/lib/accounts/password-rule";

/** The text inputs of the account forms. */
export const INPUT =
  "mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-blue-600";

/**
 * A new password and its repetition (named `name` and `confirm` in the form), with the password rule under the
 * first, as the invitation, reset and change-password forms ask for it.
 */
export function NewPasswordFields({ name, invalid = false }: { name: string; invalid?: boolean }) {
  return (
    <>
      <div>
        <label htmlFor={name} className="block text-sm font-medium">
          New password
        </label>
        <input
          id={name}
          name={name}
          type="password"
          required
          autoComplete="new-password"
          aria-describedby={`${name}-rule`}
          aria-invalid={invalid ? true : undefined}
          className={INPUT}
        />
        <p id={`${name}-rule`} className="mt-1 text-xs text-stone-600">
          {PASSWORD_RULE}
        </p>
      </div>
      <div>
        <label htmlFor="confirm" className="block text-sm font-medium">
          Repeat the new password
        </label>
        <input id="confirm" name="confirm" type="password" required autoComplete="new-password" className={INPUT} />
      </div>
    </>
  );
}
