import "server-only";

import type { Database } from "@zones/db/client";

import { getDatabaseHandle } from "./process-resources";

export { getDatabaseHandle } from "./process-resources";

/** The primary: writes, and reads of what may just have been written. */
export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/**
 * For the dashboards' and exports' reads only (a little behind the primary): a read replica that is well, or
 * the primary. Each call may choose another replica: take it once for the reads of one answer.
 */
export async function getReader(): Promise<Database> {
  return (await getDatabaseHandle()).reader();
}
