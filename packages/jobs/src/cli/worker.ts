/**
 * `npm run worker`: runs export jobs (scheduled ticks, runs, approval events) until stopped. Several may run on
 * one PostgreSQL database; each scheduled tick still produces one run. On the embedded database the web app
 * runs the worker itself (the store allows one process), so this is for DATABASE_URL deployments. With
 * WORKER_METRICS_PORT it serves its metrics there (`GET /metrics`, to the bearer of METRICS_TOKEN).
 *
 * Its configuration is checked before anything else (./config.ts); the packages read theirs when imported,
 * hence the import after the check.
 */
import { describeError } from "@zones/telemetry/describe-error";
import { events } from "@zones/telemetry/events";

import { readWorkerConfig } from "./config";

const config = readWorkerConfig();
if (!config.ok) {
  events.error("config.invalid", { msg: config.message, variables: config.variables });
  process.exit(1);
}
const { runWorker } = await import("./run-worker");
await runWorker(config).catch((error: unknown) => {
  events.error("worker.failed", { reason: describeError(error) });
  process.exit(1);
});
