import { constants } from "node:fs";
import { access, mkdir } from "node:fs/promises";
import type { ReplicaState } from "@zones/db/client";
import { databaseProblem } from "@zones/db/health";
import { pendingMigrations } from "@zones/db/pending-migrations";
import { defaultExportDir } from "@zones/jobs";
import { describeError } from "@zones/telemetry/describe-error";

import { env } from "~/env";

import { processState } from "../../server/process-state.mjs";
import { getDatabaseHandle } from "./process-resources";

/**
 * Why this server should not be sent requests, for the log (they may name the database server, the user, a
 * folder); none when it is ready: not stopping, the database answers, it has every migration of this release,
 * and export files can be written.
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
  const exportDir = defaultExportDir(env.EXPORT_DIR);
  try {
    await mkdir(exportDir, { recursive: true });
    await access(exportDir, constants.W_OK);
  } catch (error) {
    problems.push(`export storage ${exportDir}: ${describeError(error)}`);
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
