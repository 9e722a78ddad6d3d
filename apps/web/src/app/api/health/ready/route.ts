import { events } from "@zones/telemetry/events";

import { readinessProblems } from "~/server/readiness";

export const dynamic = "force-dynamic";

/** The problems last logged, so that a probe every few seconds logs a change, not every answer. */
let lastLogged = "";

/**
 * 200 when this server may be sent requests (database reachable, migrations current, export storage
 * writable, not stopping), 503 otherwise; public, for load balancers and orchestrators. The answer carries a
 * status only: what is wrong goes to the log.
 */
export async function GET() {
  const problems = await readinessProblems();
  const summary = problems.join("; ");
  if (summary !== lastLogged) {
    if (problems.length > 0) events.warn("health.not-ready", { problems });
    else if (lastLogged) events.info("health.ready");
    lastLogged = summary;
  }
  return Response.json(
    { status: problems.length === 0 ? "ready" : "unavailable" },
    { status: problems.length === 0 ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
