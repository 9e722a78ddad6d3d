/**
 * `npm run worker`: runs export jobs (scheduled ticks, runs, approval events) until stopped. Several may run on
 * one PostgreSQL database; each scheduled tick still produces one run. On the embedded database the web app
 * runs the worker itself (the store allows one process), so this is for DATABASE_URL deployments.
 */
import { openDatabase } from "@zones/db/client";
import { migrateDatabase } from "@zones/db/migrate";

import { defaultExportDir } from "../export-dir";
import { startExportWorker } from "../worker";

const handle = await openDatabase();
await migrateDatabase(handle);
const exportDir = defaultExportDir();
const worker = await startExportWorker(handle, { exportDir });
console.log(`export worker: running on ${handle.location}, files in ${exportDir}`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`export worker: ${signal}, finishing the current job…`);
  await worker.stop();
  await handle.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
