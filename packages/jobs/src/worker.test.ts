import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { rowsOf } from "@zones/db/client";
import { getExportRun, insertExportSchedule, listExportRuns } from "@zones/db/exports";
import { LocalExportStorage } from "@zones/storage";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

import { EXPORT_QUEUES } from "./queues";
import { gdpSchedule, REVIEWER } from "./test-fixture";
import { insertManualRun, useJobsWorld, waitFor } from "./test-world";
import { type ExportWorker, startExportWorker } from "./worker";

/** pg-boss checks cron and polls every second here (defaults: 30 s and 2 s). */
const FAST = {
  cronMonitorIntervalSeconds: 1,
  cronWorkerIntervalSeconds: 1,
  pollingIntervalSeconds: 0.5,
  maintenanceIntervalSeconds: 5,
};

/** Workers poll, so their results are polled for: every 200 ms, for up to 45 s. */
const POLL = { timeoutMs: 45_000, intervalMs: 200 };

const world = useJobsWorld();
const workers: ExportWorker[] = [];

// Before the world closes (after hooks run last-registered first).
afterAll(async () => {
  for (const worker of workers) await worker.stop();
});

describe("export workers on pg-boss", () => {
  it("a schedule with a short cron fires and, with two workers running, produces one run and one file", async () => {
    // Its window opened two minutes ago: the current minute's occurrence is due at the first tick.
    const schedule = await insertExportSchedule(world.handle.db, {
      ...gdpSchedule(),
      ownerId: REVIEWER.id,
      dueFrom: new Date(Date.now() - 120_000),
    });
    workers.push(
      await startExportWorker(world.handle, { storage: world.storage, timing: FAST }),
      await startExportWorker(world.handle, { storage: world.storage, timing: FAST }),
    );
    const runsOf = () =>
      listExportRuns(world.handle.db, { requestedBy: null, scheduleId: schedule.id, limit: 10, offset: 0 });
    const run = await waitFor(
      async () => (await runsOf()).rows.find((row) => row.status === "succeeded"),
      "the scheduled run to succeed",
      POLL,
    );
    // Both workers keep ticking (pg-boss sends each minute's tick to one of them): still one run.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const { rows, total } = await runsOf();
    const sameMinute = rows.filter((row) => row.dueAt?.getTime() === run.dueAt?.getTime());
    expect(sameMinute).toHaveLength(1);
    expect(total).toBeLessThanOrEqual(2); // a second one only if the test crossed a minute boundary
    expect(run.dueAt?.getUTCSeconds()).toBe(0);
    expect(run).toMatchObject({
      trigger: "schedule",
      rowCount: 2,
      attempts: 1,
      scheduleName: "GDP 季度导出",
    });
    const records: string[][] = parse(await readFile(path.join(world.exportDir, run.storageKey ?? "")), {
      bom: true,
    });
    expect(records[0]?.slice(0, 4)).toEqual(["示范区代码", "示范区", "指标代码", "指标"]);
    expect(records.slice(1).map((row) => [row[0], row[5], row[6]])).toEqual([
      ["SD-ZB", "2026Q2", "987.25"],
      ["HB-HS", "2026Q2", "1234.5"],
    ]);
  }, 60_000);

  it("retries a failing run with backoff, then records it failed after the last try (pg-boss agrees)", async () => {
    const blocked = path.join(world.exportDir, "blocked");
    await writeFile(blocked, "a file where the export folder should be");
    const worker = await startExportWorker(world.handle, {
      storage: new LocalExportStorage(blocked),
      timing: { ...FAST, cronMonitorIntervalSeconds: 45 },
      runRetry: { retryLimit: 2, retryDelay: 1, retryBackoff: false },
    });
    workers.push(worker);
    // Only this worker may take the run: the others write to a working folder.
    for (const other of workers.slice(0, 2)) await other.boss.offWork(EXPORT_QUEUES.run);
    const run = await insertManualRun(world.handle.db);
    await worker.jobs.enqueueRun(run.id);
    const seen = new Set<string>();
    const failed = await waitFor(
      async () => {
        const current = await getExportRun(world.handle.db, run.id);
        if (current?.error)
          seen.add(`${current.status}: ${current.error.replace(/: .*?(; retrying)?$/, "$1")}`);
        return current?.status === "failed" ? current : null;
      },
      "the run to fail for good",
      POLL,
    );
    expect(failed.attempts).toBe(3);
    expect(failed.error).toMatch(/^attempt 3 of 3 failed: /);
    expect([...seen]).toContain("queued: attempt 1 of 3 failed; retrying");
    expect([...seen].at(-1)).toBe("failed: attempt 3 of 3 failed");
    // The run is recorded failed before the attempt's handler throws; pg-boss records the job's end after that.
    const jobs = await waitFor(
      async () => {
        const rows = rowsOf<{ state: string; retry_count: number }>(
          await world.handle.db.execute(
            sql`select state, retry_count from pgboss.job where name = ${EXPORT_QUEUES.run} and data ->> 'runId' = ${run.id}`,
          ),
        );
        return rows.every((job) => job.state !== "active") ? rows : null;
      },
      "pg-boss to record the last attempt's end",
      POLL,
    );
    expect(jobs).toEqual([{ state: "failed", retry_count: 2 }]);
  }, 60_000);
});
