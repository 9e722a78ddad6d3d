// Plain JavaScript (typed in process-state.d.mts). What the production server (server.mjs, run by Node) and
// the app inside it (bundled by Next, so with its own copy of every module) both need to see: one object,
// kept on globalThis under a registered symbol, so each copy of this module finds the same one.

const KEY = Symbol.for("zones.web.process");

/**
 * The process's state: whether the database answers (`unknown` until the first check, or on the embedded
 * database, which has nothing to watch), whether it is stopping, what to run when it stops, and what the app
 * answers before Next's router (`answerEarly`, registered by the app when it starts).
 */
export function processState() {
  globalThis[KEY] ??= {
    database: "unknown",
    stopping: false,
    checkDatabaseNow: () => {},
    answerEarly: null,
    shutdownHooks: { stop: [], close: [] },
  };
  return globalThis[KEY];
}

/**
 * Runs `hook` when the process stops: `stop` hooks as soon as it stops (they stop taking work and let work in
 * progress end by the deadline), `close` hooks once requests and `stop` hooks are done (the database pool).
 */
export function onShutdown(phase, hook) {
  processState().shutdownHooks[phase].push(hook);
}

/** Runs the hooks of `phase` together; a failing one is reported and does not keep the others from running. */
export async function runShutdownHooks(phase, context) {
  const results = await Promise.allSettled(processState().shutdownHooks[phase].map((hook) => hook(context)));
  return results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
}
