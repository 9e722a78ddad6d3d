import type { DatabaseHandle } from "@zones/db/client";
import { pause, retryDelayMs, waitForDatabase, watchDatabase, worthLogging } from "@zones/db/database-watch";
import { pendingMigrations } from "@zones/db/pending-migrations";
import { describeError } from "@zones/telemetry/describe-error";
import { events } from "@zones/telemetry/events";

import { env } from "~/env";

import { onShutdown, processState } from "../../server/process-state.mjs";
import { getDatabaseHandle } from "./process-resources";

/**
 * The app's side of the server's life, started by the instrumentation hook: on PostgreSQL a watch of the
 * database, whose state server.mjs answers requests by (a plain 503 while it is down) and which logs why it is
 * down, retrying with backoff; then the schema: migrated with MIGRATE_ON_START, otherwise checked, the missing
 * migrations logged (the readiness check answers 503 until `npm run db:migrate` has run). Nothing here is
 * awaited by requests: the server answers (and `/api/health/live` says so) whatever the database does.
 */
export async function startLifecycle(): Promise<void> {
  const handle = await getDatabaseHandle();
  const stopping = new AbortController();
  onShutdown("stop", () => stopping.abort());
  if (handle.engine === "postgres") watch(handle);
  void prepareSchema(handle, env.MIGRATE_ON_START ?? false, stopping.signal);
}

function watch(handle: DatabaseHandle) {
  const state = processState();
  let downSince = 0;
  const watching = watchDatabase(handle.db, {
    onUp() {
      if (state.database === "down") events.info("database.available", { downForMs: Date.now() - downSince });
      state.database = "up";
    },
    onDown(retry) {
      if (state.database !== "down") downSince = Date.now();
      state.database = "down";
      if (worthLogging(retry.attempt)) events.warn("database.unavailable", { ...retry });
    },
  });
  state.checkDatabaseNow = watching.checkNow;
  onShutdown("stop", () => watching.stop());
}

async function prepareSchema(handle: DatabaseHandle, migrateOnStart: boolean, signal: AbortSignal) {
  for (let attempt = 1; !signal.aborted; attempt += 1) {
    // Quietly: the watch says why the database is down.
    if (!(await waitForDatabase(handle.db, { signal }))) return;
    try {
      const missing = await pendingMigrations(handle.db);
      if (missing.length > 0 && migrateOnStart) {
        // Loaded only here: the migrator and its folder are not needed to serve.
        const { migrateDatabase } = await import("@zones/db/migrate");
        await migrateDatabase(handle);
        events.info("migrations.applied", { applied: missing });
      } else if (missing.length > 0) {
        events.warn("migrations.pending", {
          msg: "not ready until `npm run db:migrate` has applied the migrations of this release",
          missing,
        });
      }
      return;
    } catch (error) {
      events.error("migrations.check-failed", { reason: describeError(error), attempt });
      await pause(Math.max(retryDelayMs(attempt), 5_000), signal);
    }
  }
}
