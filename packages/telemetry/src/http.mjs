// The production server's request hook (`apps/web/server.mjs`): the request id (kept from the proxy or made
// here, returned on the response and seen by everything the request runs), one log line and the HTTP metrics
// per request.
import path from "node:path";

import { enterRequest, newRequestContext } from "./context.mjs";
import { logger } from "./log.mjs";
import { metrics } from "./metrics.mjs";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id.mjs";
import { loadAppRoutes, routeLabel } from "./route-label.mjs";

/** Methods counted by name; any other is "OTHER", so a client cannot add labels. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Probes of load balancers and Prometheus, every few seconds: logged at debug unless they fail. */
const PROBE_ROUTES = new Set(["/api/health", "/api/metrics"]);

/**
 * Observes every request of `server`, from a listener that runs before the server's own: it gives the request
 * its id and makes it the request of everything the server's listener then runs (the app, Next, the jobs it
 * sends). `dir` is the Next app's folder: its build's routes manifest (in NEXT_DIST_DIR, default `.next`, as
 * next.config.ts says) names the route patterns.
 *
 * @param {import("node:http").Server} server
 * @param {{ dir: string }} options
 */
export function observeRequests(server, { dir }) {
  const routes = loadAppRoutes(path.join(dir, process.env.NEXT_DIST_DIR ?? ".next"));
  server.prependListener("request", (request, response) => {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    // The app reads the id from the request too.
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    const context = newRequestContext(requestId);
    let logged = false;
    const finish = () => {
      if (logged) return;
      logged = true;
      const method = METHODS.has(request.method ?? "") ? /** @type {string} */ (request.method) : "OTHER";
      const route = routeLabel(request.url, routes);
      const status = response.statusCode;
      const durationMs = performance.now() - started;
      metrics.httpRequests.inc({ method, route, status: String(status) });
      metrics.httpDuration.observe({ method, route }, durationMs / 1000);
      const line = {
        method,
        route,
        status,
        durationMs: Math.round(durationMs * 10) / 10,
        requestId,
        userId: context.userId,
        ...(context.procedures.length > 0 ? { procedures: context.procedures } : {}),
        // The client went away before the whole answer was sent.
        ...(response.writableFinished ? {} : { aborted: true }),
      };
      if (status >= 500) logger.error(line, "request");
      else if (PROBE_ROUTES.has(route)) logger.debug(line, "request");
      else logger.info(line, "request");
    };
    response.once("finish", finish);
    response.once("close", finish);
    enterRequest(context);
  });
}
