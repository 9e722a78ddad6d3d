/**
 * Why something failed, in one line for a log field (`reason`): the message and code of an error, of its
 * cause, and of each error an AggregateError holds (a connection refused on every address of a host name),
 * never its stack. A failed query reports its cause only: the statement and its parameters (a password's
 * hash) stay out.
 *
 * @param {unknown} error
 * @returns {string}
 */
export function describeError(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause === undefined ? "" : describeError(error.cause);
  // Drizzle's DrizzleQueryError: the statement and its parameters in `query`, `params` and the message.
  if ("query" in error && "params" in error) return cause || "a query failed";
  const code = "code" in error && typeof error.code === "string" ? ` (${error.code})` : "";
  const inner =
    error instanceof AggregateError && error.errors.length > 0
      ? error.errors.map((each) => describeError(each)).join("; ")
      : "";
  const own = error.message ? `${error.message}${code}` : inner || `${error.name}${code}`;
  const parts = [own, error.message && inner ? inner : "", cause].filter(Boolean);
  return parts.join(": ");
}
