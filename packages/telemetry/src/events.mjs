// The service processes' lifecycle events (`npm start`, `npm run worker`): started, stopping, stopped, the
// database unavailable and back, migrations pending, readiness lost and regained. Lines of the process logger
// (log.mjs: one format, one level, the request id where there is one) with an `event` field, the name that
// operators, docs/operations.md and the ops tests search for.
import { logger } from "./log.mjs";

/**
 * @typedef {Record<string, unknown> & { msg?: string }} EventFields
 * @typedef {"info" | "warn" | "error"} EventLevel
 */

/**
 * @param {EventLevel} level
 * @param {string} event
 * @param {EventFields} fields
 */
function write(level, event, fields) {
  const { msg, ...rest } = fields;
  // The event's name is its message unless it says more (the readable format shows the message).
  logger[level]({ event, ...rest }, msg ?? event);
}

export const events = {
  /** @param {string} event @param {EventFields} [fields] */
  info: (event, fields = {}) => write("info", event, fields),
  /** @param {string} event @param {EventFields} [fields] */
  warn: (event, fields = {}) => write("warn", event, fields),
  /** @param {string} event @param {EventFields} [fields] */
  error: (event, fields = {}) => write("error", event, fields),
};
