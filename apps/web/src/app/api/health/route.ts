import { pingDatabase } from "@zones/db/health";

import { getDatabaseHandle } from "~/server/db";

export const dynamic = "force-dynamic";

/**
 * 200 when the database answers, 503 otherwise; public, for load balancers and start-up scripts. The answer
 * carries states only: why the database is down (an address, a user name) goes to the log.
 */
export async function GET() {
  try {
    const handle = await getDatabaseHandle();
    if (await pingDatabase(handle.db)) {
      return Response.json({ status: "ok", database: "up", engine: handle.engine });
    }
    return Response.json({ status: "unavailable", database: "down" }, { status: 503 });
  } catch (error) {
    console.error("health: the database cannot be opened:", error);
    return Response.json({ status: "unavailable", database: "down" }, { status: 503 });
  }
}
