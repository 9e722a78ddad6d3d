import type { ReplicaState } from "@zones/db/client";
import { databaseProblem } from "@zones/db/health";
import { pendingMigrations } from "@zones/db/pending-migrations";
import { describeError } from "@zones/telemetry/describe-error";

import { processState } from "../../server/process-state.mjs";
import { getExportStorage } from "./export-storage";
import { getDatabaseHandle } from "./process-resources";

/**
 * Why this server should not be sent requests, for the log (they may name the database server, the user, a
 * folder or bucket); none when it is ready: not stopping, the database answers, it has every migration of this
 * release, and export files can be kept (the folder can be written; the bucket answers to the credentials).
 */
export async function readinessProblems(): Promise<string[]> {
  if (processState().stopping) return ["the server is stopping"];
  const problems: string[] = [];
  try {
    const handle = await getDatabaseHandle();
    const down = await databaseProblem(handle.db);
    if (down) problems.push(`database: ${down}`);
    else {
      const missing = await pendingMigrations(handle.db);
      if (missing.length > 0) problems.push(`migrations pending (npm run db:migrate): ${missing.join(", ")}`);
    }
  } catch (error) {
    problems.push(`database: ${describeError(error)}`);
  }
  const storage = getExportStorage();
  try {
    await storage.check();
  } catch (error) {
    problems.push(`export storage ${storage.location}: ${describeError(error)}`);
  }
  return problems;
}

/**
 * The read replicas' states (up, lagging or down, with their lag and why), for the log details: never a
 * reason to be unready, since a replica that is down or lagging is skipped and the primary serves its reads.
 */
export async function replicaStates(): Promise<ReplicaState[]> {
  try {
    return await (await getDatabaseHandle()).replicaStates();
  } catch {
    // The database could not be opened: `readinessProblems` says so.
    return [];
  }
}
