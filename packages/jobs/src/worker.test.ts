import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { type DatabaseHandle, rowsOf } from "@zones/db/client";
import { getExportRun, insertExportRun, insertExportSchedule, listExportRuns } from "@zones/db/exports";
import { createTestDatabase } from "@zones/db/testing";
import { parseExportFilters } from "@zones/exports";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { EXPORT_QUEUES } from "./queues";
import { gdpSchedule, loadJobsFixture, REVIEWER, tempExportDir } from "./test-fixture";
import { type ExportWorker, startExportWorker } from "./worker";

/** pg-boss checks cron and polls every second here (defaults: 30 s and 2 s). */
const FAST = {
  cronMonitorIntervalSeconds: 1,
  cronWorkerIntervalSeconds: 1,
  pollingIntervalSeconds: 0.5,
  maintenanceIntervalSeconds: 5,
};

async function waitFor<T>(probe: () => Promise<T | null | undefined>, what: string, ms = 45_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let handle: DatabaseHandle;
let exportDir: string;
const workers: ExportWorker[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  await loadJobsFixture(handle);
  exportDir = await tempExportDir();
});

afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await handle?.close();
  await rm(exportDir, { recursive: true, force: true });
});

describe("export workers on pg-boss", () => {
  it("a schedule with a short cron fires and, with two workers running, produces one run and one file", async () => {
    // Its window opened two minutes ago: the current minute's occurrence is due at the first tick.
    const schedule = await insertExportSchedule(handle.db, {
      ...gdpSchedule(),
      ownerId: REVIEWER.id,
      dueFrom: new Date(Date.now() - 120_000),
    });
    workers.push(
      await startExportWorker(handle, { exportDir, timing: FAST }),
      await startExportWorker(handle, { exportDir, timing: FAST }),
    );
    const runsOf = () =>
      listExportRuns(handle.db, { requestedBy: null, scheduleId: schedule.id, limit: 10, offset: 0 });
    const run = await waitFor(
      async () => (await runsOf()).rows.find((row) => row.status === "succeeded"),
      "the scheduled run to succeed",
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
    const records: string[][] = parse(await readFile(run.filePath ?? ""), { bom: true });
    expect(records[0]?.slice(0, 4)).toEqual(["示范区代码", "示范区", "指标代码", "指标"]);
    expect(records.slice(1).map((row) => [row[0], row[5], row[6]])).toEqual([
      ["SD-ZB", "2026Q2", "987.25"],
      ["HB-HS", "2026Q2", "1234.5"],
    ]);
  }, 60_000);

  it("retries a failing run with backoff, then records it failed after the last try (pg-boss agrees)", async () => {
    const blocked = path.join(exportDir, "blocked");
    await writeFile(blocked, "a file where the export folder should be");
    const worker = await startExportWorker(handle, {
      exportDir: blocked,
      timing: { ...FAST, cronMonitorIntervalSeconds: 45 },
      runRetry: { retryLimit: 2, retryDelay: 1, retryBackoff: false },
    });
    workers.push(worker);
    // Only this worker may take the run: the others write to a working folder.
    for (const other of workers.slice(0, 2)) await other.boss.offWork(EXPORT_QUEUES.run);
    const run = await insertExportRun(handle.db, {
      requestedBy: REVIEWER.id,
      trigger: "manual",
      filters: parseExportFilters({
        zoneCodes: ["HB-HS"],
        indicatorCodes: ["gdp"],
        from: "2026Q2",
        to: "2026Q2",
      }),
      format: "csv",
      maxAttempts: 3,
    });
    if (!run) throw new Error("no run");
    await worker.jobs.enqueueRun(run.id);
    const seen = new Set<string>();
    const failed = await waitFor(async () => {
      const current = await getExportRun(handle.db, run.id);
      if (current?.error)
        seen.add(`${current.status}: ${current.error.replace(/: .*?(; retrying)?$/, "$1")}`);
      return current?.status === "failed" ? current : null;
    }, "the run to fail for good");
    expect(failed.attempts).toBe(3);
    expect(failed.error).toMatch(/^attempt 3 of 3 failed: /);
    expect([...seen]).toContain("queued: attempt 1 of 3 failed; retrying");
    expect([...seen].at(-1)).toBe("failed: attempt 3 of 3 failed");
    const jobs = rowsOf<{ state: string; retry_count: number }>(
      await handle.db.execute(
        sql`select state, retry_count from pgboss.job where name = ${EXPORT_QUEUES.run} and data ->> 'runId' = ${run.id}`,
      ),
    );
    expect(jobs).toEqual([{ state: "failed", retry_count: 2 }]);
  }, 60_000);
});
