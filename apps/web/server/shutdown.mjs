// Graceful stop of the HTTP server with Node's own means: `server.close()` stops accepting and ends idle
// keep-alive connections; connections still serving a request are closed as soon as their response is sent
// (the `Connection: close` the handler adds while stopping, and idle connections closed again every 100 ms);
// at the deadline whatever is left is cut. Libraries for this (http-terminator, stoppable) predate Node's
// `closeIdleConnections`/`closeAllConnections` and do the same with their own socket bookkeeping.

import { describeError } from "@zones/telemetry/describe-error";
import { events } from "@zones/telemetry/events";

import { processState, runShutdownHooks } from "./process-state.mjs";

const IDLE_SWEEP_MS = 100;

/** Resolves true when every connection ended by `deadline` (Date.now() ms), false when some had to be cut. */
export function closeServer(server, deadline) {
  return new Promise((resolve) => {
    let done = false;
    const finish = (drained) => {
      if (done) return;
      done = true;
      clearInterval(sweep);
      clearTimeout(timer);
      if (!drained) server.closeAllConnections();
      resolve(drained);
    };
    server.close(() => finish(true));
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const timer = setTimeout(() => finish(false), Math.max(0, deadline - Date.now()));
  });
}

/**
 * On SIGTERM (or SIGINT): the readiness check answers 503 at once, the server stops accepting, requests in
 * flight finish and the app's `stop` hooks run (the in-process export worker finishes or hands back its
 * export), both within `graceMs`; then the `close` hooks (the database pool), and the process exits 0. A
 * second signal while stopping changes nothing (Ctrl+C in `npm run demo` reaches the server twice).
 */
export function stopOnSignals(server, graceMs) {
  const state = processState();
  const stop = async (signal) => {
    if (state.stopping) return;
    state.stopping = true;
    const deadline = Date.now() + graceMs;
    events.info("server.stopping", { signal, graceSeconds: graceMs / 1000 });
    const [drained, stopFailures] = await Promise.all([
      closeServer(server, deadline),
      runShutdownHooks("stop", { deadline }),
    ]);
    if (!drained)
      events.warn("server.requests-cut", { msg: "requests still running at the end of the grace were cut" });
    const failures = [...stopFailures, ...(await runShutdownHooks("close", { deadline }))];
    for (const failure of failures) events.error("server.stop-failed", { reason: describeError(failure) });
    events.info("server.stopped", { signal });
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void stop(signal));
}
