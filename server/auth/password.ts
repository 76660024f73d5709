import bcrypt from "bcryptjs";

const COST = 12;

/**
 * A well-formed bcrypt hash of the same cost that no password matches: checked instead of a stored hash when
 * the email is unknown, so that a sign-in costs the same whether or not the account exists.
 */
export const UNKNOWN_ACCOUNT_HASH = `$2b$${COST}$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva`;

/** A bcrypt hash of a password (cost 12). */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** Whether `password` matches a stored bcrypt hash; false for a malformed hash rather than a throw. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}
