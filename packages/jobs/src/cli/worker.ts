/**
 * `npm run worker`: runs export jobs (scheduled ticks, runs, approval events) until stopped. Several may run on
 * one PostgreSQL database; each scheduled tick still produces one run. On the embedded database the web app
 * runs the worker itself (the store allows one process), so this is for DATABASE_URL deployments. With
 * WORKER_METRICS_PORT it serves its metrics there (`GET /metrics`, to the bearer of METRICS_TOKEN).
 */
import { openDatabase } from "@zones/db/client";
import { migrateDatabase } from "@zones/db/migrate";
import { logger } from "@zones/telemetry/log";
import { startMetricsServer, WORKER_METRICS_PATH } from "@zones/telemetry/scrape";

import { defaultExportDir } from "../export-dir";
import { startExportWorker } from "../worker";

const metricsServer = await startMetricsServer();
const handle = await openDatabase();
await migrateDatabase(handle);
const exportDir = defaultExportDir();
const worker = await startExportWorker(handle, { exportDir });
logger.info(
  {
    database: handle.location,
    exportDir,
    metrics: metricsServer ? `:${metricsServer.port}${WORKER_METRICS_PATH}` : null,
  },
  "export worker running",
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "export worker stopping: finishing the current job");
  await worker.stop();
  await handle.close();
  await metricsServer?.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
