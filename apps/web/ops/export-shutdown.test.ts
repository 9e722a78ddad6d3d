import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseHandle } from "@zones/db/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { ADMIN_URL, createDatabase } from "./databases";
import { exportRun, openExportWorld, queueExport } from "./export-world";
import { productionEnv, type Service, startWorker } from "./processes";

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe.skipIf(!ADMIN_URL)(
  "SIGTERM to `npm run worker` during a 10,000-row export (needs TEST_DATABASE_URL)",
  () => {
    let database: Awaited<ReturnType<typeof createDatabase>>;
    let handle: DatabaseHandle;
    let exportDir: string;
    const workers: Service[] = [];
    beforeAll(async () => {
      database = await createDatabase(ADMIN_URL as string);
      handle = await openExportWorld(database.url);
      exportDir = await mkdtemp(path.join(tmpdir(), "zones-ops-exports-"));
    });
    afterAll(async () => {
      for (const worker of workers) await worker.stop();
      await handle?.close();
      await database?.drop();
      if (exportDir) await rm(exportDir, { recursive: true, force: true });
    });

    async function worker(env: Record<string, string> = {}) {
      // The port is not served: the worker checks BETTER_AUTH_URL like the web server, that is all.
      const started = startWorker({ ...productionEnv(database.url, 1), EXPORT_DIR: exportDir, ...env });
      workers.push(started);
      await started.waitForLog("worker.started", undefined, 60_000);
      return started;
    }

    /** The run once its rows are counted (`counted`) or flow (mid-export). */
    function inProgress(runId: string, stage: "counted" | "rows flowing") {
      return vi.waitUntil(
        async () => {
          const run = await exportRun(handle, runId);
          if (run?.status !== "running") return null;
          return (stage === "counted" ? (run.rowsExpected ?? 0) : run.rowsDone) > 0 ? run : null;
        },
        { timeout: 60_000, interval: 25 },
      );
    }

    function finished(runId: string) {
      return vi.waitUntil(
        async () => {
          const run = await exportRun(handle, runId);
          return run && ["succeeded", "failed", "cancelled"].includes(run.status) ? run : null;
        },
        { timeout: 90_000, interval: 100 },
      );
    }

    it("an export that ends within the grace is finished, and the worker exits 0", async () => {
      const first = await worker();
      const runId = await queueExport(handle, "xlsx");
      const running = await inProgress(runId, "rows flowing");
      expect(running.rowsExpected).toBeGreaterThanOrEqual(10_000);
      first.child.kill("SIGTERM");
      const stopping = await first.waitForLog("worker.stopping");
      expect(await first.exited).toBe(0);
      const run = await exportRun(handle, runId);
      expect(run).toMatchObject({ status: "succeeded", attempts: 1 });
      expect(run?.rowCount).toBeGreaterThanOrEqual(10_000);
      // It was still running when the signal came.
      expect(run?.finishedAt?.getTime()).toBeGreaterThan(Date.parse(stopping.time as string));
      expect(await filesUnder(exportDir)).toEqual([path.join(runId, run?.fileName ?? "?")]);
      expect((await stat(path.join(exportDir, run?.storageKey ?? "?"))).size).toBe(run?.byteSize);
    });

    it("an export still running when the grace ends is handed back, without a partial file, and another worker completes it", async () => {
      // No grace: the 10,281 rows (1.5 s of XLSX) cannot be written before it ends.
      const stopping = await worker({ SHUTDOWN_GRACE_SECONDS: "0" });
      const runId = await queueExport(handle, "xlsx");
      await inProgress(runId, "counted");
      const signalled = Date.now();
      stopping.child.kill("SIGTERM");
      expect(await stopping.exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(15_000);
      // Back in the queue, its attempt not counted, and nothing of it on disk.
      const handedBack = await exportRun(handle, runId);
      expect(handedBack).toMatchObject({ status: "queued", attempts: 0, rowsDone: 0, storageKey: null });
      expect((await filesUnder(exportDir)).filter((file) => file.startsWith(runId))).toEqual([]);

      await worker();
      const run = await finished(runId);
      expect(run).toMatchObject({ status: "succeeded", attempts: 1 });
      expect(run.rowCount).toBeGreaterThanOrEqual(10_000);
      const files = (await filesUnder(exportDir)).filter((file) => file.startsWith(runId));
      expect(files).toEqual([path.join(runId, run.fileName ?? "?")]);
      expect((await stat(path.join(exportDir, run.storageKey ?? "?"))).size).toBe(run.byteSize);
    });
  },
);
