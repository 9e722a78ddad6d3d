import { type DatabaseHandle, openDatabase } from "@zones/db/client";
import type { ExportJobSender } from "@zones/jobs";
import { logger } from "@zones/telemetry/log";

import { type EXPORT_WORKER_MODES, env } from "~/env";

import { onShutdown } from "../../server/process-state.mjs";
import { bulletinPrinting } from "./bulletin-printing";
import { getExportStorage } from "./export-storage";

/**
 * What one server process holds for its whole life: the database handle and the export job system. Kept on
 * globalThis, so that dev-mode reloads and the instrumentation hook (bundled apart from the routes) share one
 * of each. No `server-only` here: the instrumentation hook imports this file outside the React server layer.
 */
const holder = globalThis as typeof globalThis & {
  zonesDatabase?: Promise<DatabaseHandle>;
  zonesExportJobs?: Promise<ExportJobSender | null>;
};

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (!holder.zonesDatabase) {
    holder.zonesDatabase = openDatabase({ replicas: true });
    holder.zonesDatabase.then(
      // Closed last when the server stops, once requests and exports are done.
      (handle) => onShutdown("close", () => handle.close()),
      // A failed open (e.g. the embedded store is in use) is retried on the next request.
      () => {
        holder.zonesDatabase = undefined;
      },
    );
  }
  return holder.zonesDatabase;
}

/**
 * Where export jobs run. `EXPORT_WORKER=inline`: a pg-boss worker inside this process (the default on the
 * embedded database, which only one process may open — the demo); `external`: this process only sends jobs and
 * `npm run worker` runs them (the default with DATABASE_URL); `off`: no background exports.
 */
export type ExportWorkerMode = (typeof EXPORT_WORKER_MODES)[number];

export function exportWorkerMode(engine: DatabaseHandle["engine"]): ExportWorkerMode {
  return env.EXPORT_WORKER ?? (engine === "pglite" ? "inline" : "external");
}

async function startExportJobs(): Promise<ExportJobSender | null> {
  const handle = await getDatabaseHandle();
  const mode = exportWorkerMode(handle.engine);
  if (mode === "off") return null;
  // Loaded when the jobs start, not with the database: pg-boss and the export engine (exceljs) would
  // otherwise load before the first page, which needs neither.
  const { deliverySettingsFor, startExportSender, startExportWorker } = await import("@zones/jobs");
  const { mailTransport } = await import("@zones/mail");
  const { authBaseURL, resolveAuthSecret } = await import("@zones/auth");
  if (mode === "external") {
    const sender = await startExportSender(handle);
    onShutdown("close", () => sender.stop());
    return sender.jobs;
  }
  // Links in delivered mail are signed with a key of the same secret the sessions use, and point at this app.
  const delivery = await deliverySettingsFor(handle.db, {
    secret: await resolveAuthSecret(handle.db),
    publicUrl: authBaseURL() ?? `http://localhost:${env.PORT ?? 3000}`,
    attachmentMaxMb: env.MAIL_ATTACHMENT_MAX_MB,
    webhookPrivateHosts: env.WEBHOOK_PRIVATE_HOSTS,
  });
  const worker = await startExportWorker(handle, {
    storage: getExportStorage(),
    mail: mailTransport({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
    ...(delivery ? { delivery } : {}),
    // The bulletin is printed from this very server once every zone's quarter is approved.
    bulletin: bulletinPrinting(handle.db),
  });
  // When the server stops: no new jobs; an export in progress finishes within the grace or is handed back.
  onShutdown("stop", ({ deadline }) => worker.stop({ deadline }));
  return worker.jobs;
}

/** The export job system of this process, started on first use (or by the instrumentation hook at boot). */
export function getExportJobs(): Promise<ExportJobSender | null> {
  if (!holder.zonesExportJobs) {
    holder.zonesExportJobs = startExportJobs();
    holder.zonesExportJobs.catch((error: unknown) => {
      logger.error({ err: error }, "export jobs did not start");
      holder.zonesExportJobs = undefined;
    });
  }
  return holder.zonesExportJobs;
}
