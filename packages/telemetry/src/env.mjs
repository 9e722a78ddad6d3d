/**
 * The only place this package reads configuration, read when asked (the logger and the registry are made once
 * per process; tests set variables before). A value that is set but wrong stops the process, naming the
 * variable, rather than silently logging at another level or opening another port.
 */

/** pino's levels; `silent` logs nothing. */
export const LOG_LEVELS = /** @type {const} */ ([
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
  "silent",
]);

/** `json`: one JSON object a line (production, anything that collects logs); `pretty`: for people. */
export const LOG_FORMATS = /** @type {const} */ (["json", "pretty"]);

/**
 * @typedef {(typeof LOG_LEVELS)[number]} LogLevel
 * @typedef {(typeof LOG_FORMATS)[number]} LogFormat
 * @typedef {{
 *   logLevel: LogLevel;
 *   logFormat: LogFormat;
 *   metricsToken: string | null;
 *   workerMetricsPort: number | null;
 * }} TelemetryEnv
 */

/**
 * @template {string} T
 * @param {string} name
 * @param {string | undefined} value
 * @param {readonly T[]} allowed
 * @returns {T | undefined}
 */
function oneOf(name, value, allowed) {
  if (value === undefined || value === "") return undefined;
  const found = allowed.find((candidate) => candidate === value.trim().toLowerCase());
  if (!found) throw new Error(`${name}: "${value}" is not one of ${allowed.join(", ")}`);
  return found;
}

/**
 * LOG_LEVEL (default `info`; `silent` under tests, which capture what they check), LOG_FORMAT (default `json`;
 * `pretty` under `next dev`; the demo sets it), METRICS_TOKEN (unset: no metrics are served) and
 * WORKER_METRICS_PORT (unset: the worker serves none).
 *
 * @param {Record<string, string | undefined>} [source]
 * @returns {TelemetryEnv}
 */
export function telemetryEnv(source = process.env) {
  const nodeEnv = source.NODE_ENV;
  const portText = source.WORKER_METRICS_PORT?.trim() || undefined;
  const port = portText === undefined ? null : Number(portText);
  if (port !== null && (!/^\d+$/.test(portText ?? "") || port < 1 || port > 65535)) {
    throw new Error(`WORKER_METRICS_PORT: "${portText}" is not a port number`);
  }
  return {
    logLevel: oneOf("LOG_LEVEL", source.LOG_LEVEL, LOG_LEVELS) ?? (nodeEnv === "test" ? "silent" : "info"),
    logFormat:
      oneOf("LOG_FORMAT", source.LOG_FORMAT, LOG_FORMATS) ?? (nodeEnv === "development" ? "pretty" : "json"),
    metricsToken: source.METRICS_TOKEN || null,
    workerMetricsPort: port,
  };
}
