/**
 * What a database error means for the caller, whichever driver raised it: postgres-js (the app), node-postgres
 * (pg-boss) or PGlite (the embedded store).
 */

/** PostgreSQL's SQLSTATE for a duplicate key (both postgres-js and PGlite report it as `code`). */
const UNIQUE_VIOLATION = "23505";

/**
 * SQLSTATEs of a server that went away or takes no connections now: class 08 (connection exception),
 * 57P01 admin_shutdown (a stop, or the connection terminated by an administrator), 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up, shutting down, in recovery) and 53300 too_many_connections.
 */
const UNAVAILABLE_STATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/**
 * Codes of no connection made or kept: Node's sockets (refused, reset, unreachable, name not resolved, timed
 * out) and postgres-js's own (the connection closed, ended or destroyed under a query, or not made in time).
 */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** node-postgres says it in words only. */
const UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect)/;

/** How deep wrappers go: Drizzle's query error holds the driver's, an AggregateError one per address. */
const MAX_DEPTH = 5;

/** The error, its causes and the errors an AggregateError holds, outermost first. */
function* errorChain(error: unknown, depth = 0): Generator<Error> {
  if (!(error instanceof Error) || depth > MAX_DEPTH) return;
  yield error;
  if (error instanceof AggregateError) for (const each of error.errors) yield* errorChain(each, depth + 1);
  yield* errorChain(error.cause, depth + 1);
}

function codeOf(error: Error): string | null {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : null;
}

/**
 * The SQLSTATE of a database error, looking through the wrappers (Drizzle's query error keeps the driver's
 * error as `cause`); null for anything that did not come from the database.
 */
export function sqlState(error: unknown): string | null {
  for (const each of errorChain(error)) {
    const code = codeOf(each);
    if (code && /^[0-9A-Z]{5}$/.test(code) && !UNAVAILABLE_CODES.has(code)) return code;
  }
  return null;
}

/** Two requests created the same thing at once: a conflict for the caller, not a server fault. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === UNIQUE_VIOLATION;
}

/**
 * The database could not be reached or dropped the connection (it restarts, the network failed): the request
 * may succeed in a moment, so the caller is told "unavailable, try again" (503), never a fault (500).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const each of errorChain(error)) {
    const code = codeOf(each);
    if (code && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_STATE.test(code))) return true;
    if (UNAVAILABLE_MESSAGE.test(each.message)) return true;
  }
  return false;
}
