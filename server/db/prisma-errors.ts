/** Whether a Prisma error is a unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Whether a Prisma error says that the record to update or delete was not found (P2025). */
export function isRecordNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

/**
 * Whether an error of a write says that a row refers to one that does not exist: Prisma's P2003, or, from a raw
 * statement through a driver adapter, the database's own code (PostgreSQL 23503, SQLite's FOREIGN KEY constraint).
 */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta, message } = error as {
    code?: unknown;
    meta?: { code?: unknown; driverAdapterError?: unknown };
    message?: unknown;
  };
  if (code === "P2003" || code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY") return true;
  if (meta?.code === "23503") return true;
  return typeof message === "string" && /foreign key constraint/i.test(message);
}
