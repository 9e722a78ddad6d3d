import { pingDatabase } from "@zones/db/health";
import { describeError } from "@zones/telemetry/describe-error";
import { events } from "@zones/telemetry/events";

import { getDatabaseHandle } from "~/server/db";

export const dynamic = "force-dynamic";

/**
 * 200 when the database answers, 503 otherwise; public, kept for the checks written against it (see also
 * `/api/health/live` and `/api/health/ready`). The answer carries states only: why the database is down (an
 * address, a user name) goes to the log, from the database watch (src/server/lifecycle.ts) or from here.
 */
export async function GET() {
  try {
    const handle = await getDatabaseHandle();
    if (await pingDatabase(handle.db)) {
      return Response.json({ status: "ok", database: "up", engine: handle.engine });
    }
    return Response.json({ status: "unavailable", database: "down" }, { status: 503 });
  } catch (error) {
    events.error("health.database-unopened", { reason: describeError(error) });
    return Response.json({ status: "unavailable", database: "down" }, { status: 503 });
  }
}
