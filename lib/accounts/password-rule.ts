/** The shortest password a person may choose. */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest password accepted (bcrypt reads at most 72 bytes; longer ones are refused rather than cut). */
export const MAX_PASSWORD_LENGTH = 72;

/** The password rule as people read it, shown beside every new-password field. */
export const PASSWORD_RULE = `At least ${MIN_PASSWORD_LENGTH} characters (spaces count), at most ${MAX_PASSWORD_LENGTH} bytes.`;

/**
 * What is wrong with a new password, or null when it meets the rule: at least 12 characters, not only spaces, at
 * most 72 bytes in UTF-8 (bcrypt's limit).
 */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.trim() === "") return "The password cannot be only spaces.";
  if (new TextEncoder().encode(password).length > MAX_PASSWORD_LENGTH) {
    return `The password must be at most ${MAX_PASSWORD_LENGTH} bytes long (fewer characters outside plain ASCII).`;
  }
  return null;
}
