#!/usr/bin/env node
// The production server (`npm start`, the demo, the end-to-end tests): Next's request handler behind a
// node:http server that first decides who the client is. `next start` keeps a client-sent X-Forwarded-For
// (it only fills the header in when absent), so nothing behind it could tell a spoofed address from the
// socket's; here the header is replaced by the address resolved from the socket and TRUSTED_PROXIES
// (see packages/auth/src/client-address.mjs), before Next, better-auth or our sign-in throttle read it.
//
// Its life (docs/operations.md): the configuration is checked first (server/config.mjs: a deployment's
// database, secret and public URL are required, except for the demo and the tests, which set ZONES_DEMO=1);
// while the database is down requests get a plain 503 (server/availability.mjs); SIGTERM stops it gracefully
// (server/shutdown.mjs). The app inside watches the database and reports readiness (src/server/lifecycle.ts).
//
// Usage: node server.mjs [-p PORT] [-H HOSTNAME]; PORT (default 3000) as for `next start`.
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { forwardClientAddress } from "@zones/auth/client-address";
import { events } from "@zones/telemetry/events";
import { observeRequests } from "@zones/telemetry/http";
import { logger } from "@zones/telemetry/log";

import { answeredWhileDatabaseDown } from "./server/availability.mjs";
import { readServerConfig } from "./server/config.mjs";
import { processState } from "./server/process-state.mjs";
import { stopOnSignals } from "./server/shutdown.mjs";

const dir = path.dirname(fileURLToPath(import.meta.url));
// Next resolves the app's own files from the working directory: a service may start this from anywhere.
process.chdir(dir);

function fail(event, message, fields = {}) {
  events.error(event, { msg: message, ...fields });
  process.exit(1);
}

const { values: args } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const config = readServerConfig(args);
if (!config.ok) fail("config.invalid", config.message, { variables: config.variables });
const { port, hostname, trust } = config;

// What `next start` does: production unless told otherwise, and the port in the environment, where the
// app reads its own origin (better-auth trusts exactly that one without BETTER_AUTH_URL).
process.env.NODE_ENV ||= "production";
process.env.PORT = String(port);

const { default: next } = await import("next");
const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * Whether the request's path decodes: a segment that is not percent-encoded UTF-8 (`/api/x/%ED%A0%80`, `%zz`)
 * names nothing of ours, and Next answers it with a bare 500 from its router, before any handler of ours.
 */
function pathDecodes(url) {
  const path = (url ?? "/").split("?", 1)[0] ?? "/";
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** How long an idle kept-alive connection is kept open. */
const KEEP_ALIVE_MS = 65_000;

const state = processState();
const server = createServer((request, response) => {
  // A request on a kept-alive connection while stopping: answered, and the connection closed after it.
  if (state.stopping) response.setHeader("connection", "close");
  if (!pathDecodes(request.url)) {
    response.writeHead(400, {
      "content-type": "text/plain; charset=utf-8",
      "x-content-type-options": "nosniff",
    });
    response.end("The address is malformed.");
    return;
  }
  if (answeredWhileDatabaseDown(request, response)) return;
  forwardClientAddress(request, trust);
  answeredEarly(request, response)
    .then((answered) => (answered ? undefined : handle(request, response)))
    .catch((error) => {
      // Next answers its own faults; this is one it let through (its line carries the request's id).
      logger.error({ err: error }, "request failed");
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
});

/**
 * A dashboard query the app answered before with bytes it kept is answered from them, before Next's router
 * and tRPC (src/server/dashboard-responses.ts; docs/performance.md, "Request cost"); anything else, or any
 * doubt, goes to Next.
 */
async function answeredEarly(request, response) {
  const answer = state.answerEarly;
  if (!answer || request.method !== "GET" || !request.url?.startsWith("/api/trpc/")) return false;
  try {
    return await answer(request, response);
  } catch (error) {
    if (response.headersSent) throw error;
    return false;
  }
}

// An idle kept-alive connection stays open longer than its client keeps it (nginx's upstream keepalive_timeout,
// 60 s; browsers and load balancers about as long): the client must be the one to close it. With Node's default
// of 5 s, a request sent on a connection the server closes at that moment fails with ECONNRESET.
server.keepAliveTimeout = KEEP_ALIVE_MS;
server.headersTimeout = KEEP_ALIVE_MS + 1_000;
// Every request gets its id, one log line and its metrics (packages/telemetry/src/http.mjs).
observeRequests(server, { dir });
server.on("error", (error) =>
  fail("server.listen-failed", `cannot listen on port ${port}: ${error.message}`),
);
server.listen(port, hostname, () => {
  events.info("server.listening", {
    msg: `▲ Zones ready on http://${hostname ?? "localhost"}:${port}`,
    port,
  });
});
stopOnSignals(server, config.graceMs);
