import { events } from "@zones/telemetry/events";

import { readinessProblems, replicaStates } from "~/server/readiness";

export const dynamic = "force-dynamic";

/** The problems last logged, so that a probe every few seconds logs a change, not every answer. */
let lastLogged = "";
/** The read replicas' states last logged (each one's state, not its lag), likewise. */
let lastReplicas = "";

/**
 * 200 when this server may be sent requests (database reachable, migrations current, export storage
 * writable, not stopping), 503 otherwise; public, for load balancers and orchestrators. The answer carries a
 * status only: what is wrong goes to the log, and so do the read replicas' states when they change.
 */
export async function GET() {
  const [problems, replicas] = await Promise.all([readinessProblems(), replicaStates()]);
  const details = replicas.length > 0 ? { replicas } : {};
  const summary = problems.join("; ");
  if (summary !== lastLogged) {
    if (problems.length > 0) events.warn("health.not-ready", { problems, ...details });
    else if (lastLogged) events.info("health.ready", details);
    lastLogged = summary;
  }
  // A replica down or lagging is skipped (its reads go to the primary), never a reason to be unready.
  const replicaSummary = replicas.map(({ replica, state }) => `${replica} ${state}`).join("; ");
  if (replicaSummary !== lastReplicas) {
    if (replicas.some(({ state }) => state !== "up")) events.warn("health.replicas", details);
    else if (replicas.length > 0) events.info("health.replicas", details);
    lastReplicas = replicaSummary;
  }
  return Response.json(
    { status: problems.length === 0 ? "ready" : "unavailable" },
    { status: problems.length === 0 ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
