// The one logger of a process: JSON lines on stdout (pino), or readable lines for people (LOG_FORMAT=pretty).
// Every line written while a request (or a job it started) runs carries the request's id; nothing secret or
// submitted is ever written (redact.mjs).
import pino from "pino";
import pretty from "pino-pretty";

import { currentRequest } from "./context.mjs";
import { telemetryEnv } from "./env.mjs";
import { processSingleton } from "./process-singleton.mjs";
import { redact, serializeError } from "./redact.mjs";

/**
 * @typedef {import("./env.mjs").LogLevel} LogLevel
 * @typedef {import("./env.mjs").LogFormat} LogFormat
 * @typedef {{ write(line: string): unknown }} LogDestination
 */

/**
 * A request line in the readable format: "GET /zones/[code] 200 35.2 ms".
 *
 * @param {Record<string, unknown>} line
 * @param {string} messageKey
 * @returns {string}
 */
function readableMessage(line, messageKey) {
  const message = String(line[messageKey] ?? "");
  if (message !== "request") return message;
  return `${line.method} ${line.route} ${line.status} ${line.durationMs} ms`;
}

/**
 * Where lines go by default: stdout, as JSON or (`pretty`) through pino-pretty in this thread (a transport's
 * worker thread would not survive Next's bundling, and a line must not be lost when the process exits).
 *
 * @param {LogFormat} format
 * @returns {LogDestination}
 */
export function stdoutDestination(format) {
  if (format === "json") return pino.destination({ dest: 1, sync: true });
  return pretty({
    sync: true,
    destination: 1,
    singleLine: true,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname,method,route,status,durationMs",
    messageFormat: readableMessage,
  });
}

/**
 * The logger factory: level and format from LOG_LEVEL and LOG_FORMAT unless given.
 *
 * @param {{ level?: LogLevel; format?: LogFormat; destination?: LogDestination }} [options]
 * @returns {pino.Logger}
 */
export function createLogger(options = {}) {
  const env = telemetryEnv();
  return pino(
    {
      level: options.level ?? env.logLevel,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (line) => /** @type {Record<string, unknown>} */ (redact(line)),
      },
      serializers: { err: serializeError },
      // The request's id unless the line names one (a job names the request that started it).
      mixin: () => {
        const request = currentRequest();
        return request ? { requestId: request.requestId } : {};
      },
    },
    options.destination ?? stdoutDestination(options.format ?? env.logFormat),
  );
}

/**
 * The process's logger writes through a switch, so that a test can read what it wrote (`captureLogs`) while
 * everything else keeps the one logger it imported.
 */
function processLogger() {
  return processSingleton("logger", () => {
    /** @type {{ target: LogDestination | null }} */
    const sink = { target: null };
    /** @type {LogDestination | null} */
    let stdout = null;
    const destination = {
      /** @param {string} line */
      write(line) {
        stdout ??= stdoutDestination(telemetryEnv().logFormat);
        return (sink.target ?? stdout).write(line);
      },
    };
    return { logger: createLogger({ destination }), sink };
  });
}

/** The process's logger. */
export const logger = processLogger().logger;

/**
 * Test-only (`@zones/telemetry/testing`): sends the process logger's lines to `destination` at `level` until
 * the returned function is called.
 *
 * @param {LogDestination} destination
 * @param {LogLevel} level
 * @returns {() => void}
 */
export function redirectLogs(destination, level) {
  const state = processLogger();
  const previous = { target: state.sink.target, level: state.logger.level };
  state.sink.target = destination;
  state.logger.level = level;
  return () => {
    state.sink.target = previous.target;
    state.logger.level = previous.level;
  };
}
