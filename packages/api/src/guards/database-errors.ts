/** PostgreSQL's SQLSTATE for a duplicate key (both postgres-js and PGlite report it as `code`). */
const UNIQUE_VIOLATION = "23505";

/**
 * The SQLSTATE of a database error, looking through the wrappers (Drizzle's query error keeps the driver's
 * error as `cause`); null for anything that did not come from the database.
 */
export function sqlState(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = current.cause;
  }
  return null;
}

/** Two requests created the same thing at once: a conflict for the caller, not a server fault. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === UNIQUE_VIOLATION;
}
