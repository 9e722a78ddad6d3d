// Plain JavaScript (typed in log.d.mts): the production server logs with Node alone, before Next starts.
//
// The one place the service processes (the web server, `npm run worker`) write their lifecycle events: one
// line of JSON per event, info on stdout, warnings and errors on stderr, in the shape pino writes (`level`,
// `time`, `msg`, fields), so that pointing this module at a pino logger later changes no caller.

function write(level, event, fields) {
  const line = JSON.stringify({ level, time: new Date().toISOString(), event, ...fields });
  if (level === "info") console.log(line);
  else console.error(line);
}

export const log = {
  info: (event, fields = {}) => write("info", event, fields),
  warn: (event, fields = {}) => write("warn", event, fields),
  error: (event, fields = {}) => write("error", event, fields),
};

/**
 * Why something failed, in one line for the log: the message and code of an error, of its cause, and of each
 * error an AggregateError holds (a connection refused on every address of a host name), never its stack. A
 * failed query reports its cause only: the statement and its parameters (a password's hash) stay out.
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
