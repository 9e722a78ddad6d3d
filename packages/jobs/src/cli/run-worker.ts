import { openDatabase } from "@zones/db/client";
import { pause, waitForDatabase, worthLogging } from "@zones/db/database-watch";
import { migrateDatabase } from "@zones/db/migrate";
import { pendingMigrations } from "@zones/db/pending-migrations";
import { mailTransport } from "@zones/mail";
import { exportStorageSettings, openExportStorage } from "@zones/storage";
import { describeError } from "@zones/telemetry/describe-error";
import { events } from "@zones/telemetry/events";
import { startMetricsServer, WORKER_METRICS_PATH } from "@zones/telemetry/scrape";

import { deliverySettingsFor } from "../delivery-settings";
import { defaultExportDir } from "../export-dir";
import { type ExportWorker, startExportWorker } from "../worker";
import type { WorkerConfig } from "./config";

/** How often a worker waiting for `npm run db:migrate` looks again. */
const PENDING_MIGRATIONS_RECHECK_MS = 5_000;

/**
 * The worker's life: wait for the database (retrying with backoff, saying why), for the schema this release
 * expects (applying it only with MIGRATE_ON_START), start working, and on SIGTERM stop fetching, let the
 * exports in progress finish within the grace or hand them back, close the pool and exit 0.
 */
export async function runWorker(config: Extract<WorkerConfig, { ok: true }>): Promise<void> {
  const metricsServer = await startMetricsServer();
  const handle = await openDatabase({ replicas: true });
  const stopping = new AbortController();
  let worker: ExportWorker | null = null;
  const stop = async (signal: string) => {
    if (stopping.signal.aborted) return;
    stopping.abort();
    events.info("worker.stopping", { signal, graceSeconds: config.graceMs / 1000 });
    try {
      await worker?.stop({ deadline: Date.now() + config.graceMs });
      await handle.close();
      await metricsServer?.close();
    } catch (error) {
      events.error("worker.stop-failed", { reason: describeError(error) });
    }
    events.info("worker.stopped", { signal });
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  const signal = stopping.signal;
  const databaseReady = () =>
    waitForDatabase(handle.db, {
      signal,
      onRetry: (retry) => {
        if (worthLogging(retry.attempt)) events.warn("database.unavailable", { ...retry });
      },
    });
  if (!(await databaseReady()) || !(await schemaReady(handle, config.migrateOnStart, signal))) return;

  const storage = openExportStorage(exportStorageSettings(config.storage, defaultExportDir()));
  for (let attempt = 1; !signal.aborted; attempt += 1) {
    try {
      const delivery = await deliverySettingsFor(handle.db, config.delivery);
      worker = await startExportWorker(handle, {
        storage,
        mail: mailTransport(config.mail),
        ...(delivery ? { delivery } : {}),
        appUrl: config.appUrl ?? null,
        ...(config.bulletin ? { bulletin: workerBulletinPrinting(config.bulletin) } : {}),
        onError: (error) => events.error("worker.error", { reason: describeError(error) }),
      });
      break;
    } catch (error) {
      // The database went away again while pg-boss was starting: wait for it, then start again.
      events.warn("worker.start-failed", { reason: describeError(error), attempt });
      if (!(await databaseReady())) return;
    }
  }
  if (worker) {
    const metrics = metricsServer ? `:${metricsServer.port}${WORKER_METRICS_PATH}` : null;
    events.info("worker.started", { database: handle.location, exportStorage: storage.location, metrics });
    // Said at once rather than at the first export; exports fail (and are retried) while it lasts.
    await storage.check().catch((error: unknown) => {
      events.warn("export-storage.unavailable", { location: storage.location, reason: describeError(error) });
    });
  }
}

/**
 * True once the database has every migration of this release: applied here with MIGRATE_ON_START, otherwise
 * waited for (`npm run db:migrate` is the release step), saying which are missing. False when stopped first.
 */
async function schemaReady(
  handle: Awaited<ReturnType<typeof openDatabase>>,
  migrateOnStart: boolean,
  signal: AbortSignal,
): Promise<boolean> {
  if (migrateOnStart) {
    const missing = await pendingMigrations(handle.db);
    await migrateDatabase(handle);
    events.info("migrations.applied", { applied: missing });
    return true;
  }
  let reported = "";
  while (!signal.aborted) {
    const missing = await pendingMigrations(handle.db).catch(() => null);
    if (missing?.length === 0) return true;
    if (missing && missing.join() !== reported) {
      reported = missing.join();
      events.warn("migrations.pending", {
        msg: "waiting for `npm run db:migrate`: the database lacks migrations of this release",
        missing,
      });
    }
    await pause(PENDING_MIGRATIONS_RECHECK_MS, signal);
  }
  return false;
}

function workerBulletinPrinting(settings: NonNullable<Extract<WorkerConfig, { ok: true }>["bulletin"]>) {
  return {
    appUrl: settings.appUrl,
    secret: async () => settings.secret,
    ...(settings.chromium ? { chromium: settings.chromium } : {}),
  };
}
