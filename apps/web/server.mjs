#!/usr/bin/env node
// The production server (`npm start`, the demo, the end-to-end tests): Next's request handler behind a
// node:http server that first decides who the client is. `next start` keeps a client-sent X-Forwarded-For
// (it only fills the header in when absent), so nothing behind it could tell a spoofed address from the
// socket's; here the header is replaced by the address resolved from the socket and TRUSTED_PROXIES
// (see packages/auth/src/client-address.mjs), before Next, better-auth or our sign-in throttle read it.
//
// Usage: node server.mjs [-p PORT] [-H HOSTNAME]; PORT (default 3000) as for `next start`.
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  forwardClientAddress,
  parseTrustedProxies,
  TRUSTED_PROXIES_VARIABLE,
} from "@zones/auth/client-address";
import { observeRequests } from "@zones/telemetry/http";

const dir = path.dirname(fileURLToPath(import.meta.url));

function fail(message) {
  console.error(`✗ ${message}`);
  process.exit(1);
}

const { values: args } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const portText = args.port ?? process.env.PORT ?? "3000";
const port = Number(portText);
if (!/^\d+$/.test(portText) || port < 1 || port > 65535) fail(`PORT: "${portText}" is not a port number`);
// Not HOSTNAME: containers set it to their own name, which would bind only that interface. Like `next start`,
// every interface unless told otherwise.
const hostname = args.hostname;

let trust;
try {
  trust = parseTrustedProxies(process.env[TRUSTED_PROXIES_VARIABLE]);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

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

const server = createServer((request, response) => {
  if (!pathDecodes(request.url)) {
    response.writeHead(400, {
      "content-type": "text/plain; charset=utf-8",
      "x-content-type-options": "nosniff",
    });
    response.end("The address is malformed.");
    return;
  }
  forwardClientAddress(request, trust);
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
// Every request gets its id, one log line and its metrics (packages/telemetry/src/http.mjs).
observeRequests(server, { dir });
server.on("error", (error) => fail(`cannot listen on port ${port}: ${error.message}`));
server.listen(port, hostname, () => {
  console.log(`▲ Zones ready on http://${hostname ?? "localhost"}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
