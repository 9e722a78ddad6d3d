// Who may read the metrics, and how they are served: the web app's `/api/metrics` and the worker's own port
// (WORKER_METRICS_PORT) answer the same registry under the same rule.
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

import { telemetryEnv } from "./env.mjs";
import { logger } from "./log.mjs";
import { registry } from "./metrics.mjs";

/** The worker's metrics path. */
export const WORKER_METRICS_PATH = "/metrics";

/**
 * @typedef {{ status: number; headers: Record<string, string>; body: string }} ScrapeAnswer
 */

/** @param {string} text */
const digest = (text) => createHash("sha256").update(text).digest();

/**
 * Whether `authorization` is `Bearer $METRICS_TOKEN` (compared in constant time).
 *
 * @param {string | null | undefined} authorization
 * @param {string} token
 */
function bearerMatches(authorization, token) {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "");
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

/**
 * The answer to a scrape. Metrics are answered only with `Authorization: Bearer $METRICS_TOKEN`; without
 * METRICS_TOKEN, or without the right bearer, the endpoint answers 404 like any address that names nothing,
 * so that it does not tell a prober that it exists.
 *
 * @param {string | null | undefined} authorization
 * @returns {Promise<ScrapeAnswer>}
 */
export async function scrapeAnswer(authorization) {
  const token = telemetryEnv().metricsToken;
  const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (!token || !bearerMatches(authorization, token)) {
    return {
      status: 404,
      headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
      body: "Not found.",
    };
  }
  return {
    status: 200,
    headers: { ...headers, "content-type": registry.contentType },
    body: await registry.metrics(),
  };
}

/**
 * `/api/metrics` of the web app.
 *
 * @param {Request} request
 * @returns {Promise<Response>}
 */
export async function metricsResponse(request) {
  const answer = await scrapeAnswer(request.headers.get("authorization"));
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/**
 * The worker's metrics server, on WORKER_METRICS_PORT (all interfaces unless `host`): `GET /metrics`, the same
 * answer as the web app's. Resolves once listening; null when WORKER_METRICS_PORT is unset.
 *
 * @param {{ port?: number | null; host?: string }} [options]
 * @returns {Promise<{ port: number; close(): Promise<void> } | null>}
 */
export async function startMetricsServer(options = {}) {
  const port = options.port === undefined ? telemetryEnv().workerMetricsPort : options.port;
  if (port === null) return null;
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?", 1)[0];
    const answering =
      path === WORKER_METRICS_PATH && (request.method === "GET" || request.method === "HEAD")
        ? scrapeAnswer(request.headers.authorization)
        : Promise.resolve({
            status: 404,
            headers: { "content-type": "text/plain; charset=utf-8" },
            body: "",
          });
    answering
      .then((answer) => {
        response.writeHead(answer.status, answer.headers);
        response.end(request.method === "HEAD" ? undefined : answer.body);
      })
      .catch((error) => {
        logger.error({ err: error }, "metrics: scrape failed");
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, options.host, () => resolve(undefined));
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
