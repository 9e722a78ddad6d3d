// Test-only: what the process logger wrote while a test ran.
import { redirectLogs } from "./log.mjs";

/**
 * Captures the process logger's lines (at `level`, default debug) until `stop()`.
 *
 * @param {import("./env.mjs").LogLevel} [level]
 */
export function captureLogs(level = "debug") {
  /** @type {string[]} */
  const written = [];
  const stop = redirectLogs(
    {
      write(line) {
        written.push(line);
      },
    },
    level,
  );
  return {
    /** The raw text written, every line. */
    text: () => written.join(""),
    /** Each line, parsed (each must be one JSON object). */
    lines: () => /** @type {Record<string, unknown>[]} */ (written.map((line) => JSON.parse(line))),
    stop,
  };
}
