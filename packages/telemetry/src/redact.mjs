// What a log line may never carry: passwords, cookies, tokens, secrets (a TOTP secret, the auth secret),
// authorization headers, and what users submit (a submission's values and notes, a procedure's input, a
// request body). Keys are matched at any depth, whatever their case or spelling around the word
// (`newPassword`, `set-cookie`, `session_token`, `totpURI`): one rule, applied to every line.
import pino from "pino";

/** Keys whose value is replaced by `REDACTED`, wherever they are in a logged object. */
export const SECRET_KEY =
  /pass(word|wd|phrase)|^pass$|cookie|authorization|token|secret|totp|^otp|backup.?codes?|api.?key|credential|signature/i;
/** Keys that hold submitted data: removed in full. */
export const SUBMITTED_KEY = /^(values?|notes?|input|raw.?input|body|params|parameters|detail|where)$/i;

export const REDACTED = "[redacted]";
const MAX_DEPTH = 8;

/** @param {string} key */
function hidden(key) {
  return SECRET_KEY.test(key) || SUBMITTED_KEY.test(key);
}

/**
 * A copy of `value` with every secret or submitted field replaced.
 *
 * @param {unknown} value
 * @param {number} [depth]
 * @param {WeakSet<object>} [seen]
 * @returns {unknown}
 */
export function redact(value, depth = 0, seen = new WeakSet()) {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value;
  if (seen.has(value) || depth > MAX_DEPTH) return "[…]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  if (value instanceof Error) return serializeError(value);
  /** @type {Record<string, unknown>} */
  const copy = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = hidden(key) ? REDACTED : redact(item, depth + 1, seen);
  }
  return copy;
}

/**
 * Database errors quote what was sent: drizzle's "Failed query: … params: 12.5,my note", PostgreSQL's
 * "Failing row contains (…)". The statement stays (it names the table and columns), the values go.
 *
 * @param {unknown} text
 */
function scrubText(text) {
  if (typeof text !== "string") return text;
  return text
    .replace(/^(\s*params:).*$/gm, `$1 ${REDACTED}`)
    .replace(/(Failing row contains )\(.*?\)(\.|$)/gm, `$1${REDACTED}$2`)
    .replace(/(Key \(.*?\)=)\(.*?\)/g, `$1${REDACTED}`);
}

/**
 * pino's error serializer (type, message, stack, own fields, and the cause as an error of its own), then the
 * same rule as every other field.
 *
 * @param {unknown} error
 * @returns {unknown}
 */
export function serializeError(error) {
  // Already serialized (the `err` serializer and the redaction of the line both see it).
  if (!(error instanceof Error)) return error;
  return scrubSerialized(pino.stdSerializers.errWithCause(error));
}

/**
 * @param {unknown} serialized
 * @returns {unknown}
 */
function scrubSerialized(serialized) {
  if (typeof serialized !== "object" || serialized === null) return serialized;
  /** @type {Record<string, unknown>} */
  const copy = {};
  for (const [key, item] of Object.entries(serialized)) {
    if (key === "raw") continue;
    if (hidden(key)) copy[key] = REDACTED;
    else if (key === "message" || key === "stack") copy[key] = scrubText(item);
    else if (key === "cause") copy[key] = scrubSerialized(item);
    else if (key === "aggregateErrors" && Array.isArray(item)) copy[key] = item.map(scrubSerialized);
    else copy[key] = redact(item);
  }
  return copy;
}
