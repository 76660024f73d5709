import bcrypt from "bcryptjs";

const COST = 12;

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
