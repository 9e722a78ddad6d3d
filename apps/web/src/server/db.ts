import "server-only";

import type { Database } from "@zones/db/client";

import { getDatabaseHandle } from "./process-resources";

export { getDatabaseHandle } from "./process-resources";

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
