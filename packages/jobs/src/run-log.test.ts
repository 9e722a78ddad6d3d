import { writeFile } from "node:fs/promises";
import path from "node:path";
import { getExportRun } from "@zones/db/exports";
import { LocalExportStorage } from "@zones/storage";
import { newRequestContext, runWithRequest } from "@zones/telemetry/context";
import { registry } from "@zones/telemetry/metrics";
import { captureLogs } from "@zones/telemetry/testing";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";

import { EXPORT_QUEUES } from "./queues";
import { runExportAttempt } from "./run-export";
import { OFFICIAL } from "./test-fixture";
import { gdpFilters, insertManualRun, useJobsWorld, waitFor } from "./test-world";
import { type ExportWorker, startExportWorker } from "./worker";

const world = useJobsWorld();
const FIRST_TRY = { retryCount: 0, retryLimit: 2 };
let capture: ReturnType<typeof captureLogs>;
let worker: ExportWorker | null = null;

beforeEach(() => {
  capture = captureLogs();
});
afterEach(() => {
  capture.stop();
});
// Before the world closes (after hooks run last-registered first).
afterAll(async () => {
  await worker?.stop();
});

const runLines = () => capture.lines().filter((line) => String(line.msg).startsWith("export run"));

/** A counter's or histogram count's value for `status`, 0 before the first. */
async function counted(name: string, status: string): Promise<number> {
  const found = new RegExp(`^${name}\\{status="${status}"\\} (\\d+)$`, "m").exec(await registry.metrics());
  return Number(found?.[1] ?? 0);
}

describe("what an export run tells the operators", () => {
  it("started and finished: run id, attempt, rows, bytes, duration, and the id of the request behind it", async () => {
    const before = await counted("zones_export_runs_total", "succeeded");
    const durationsBefore = await counted("zones_export_run_duration_seconds_count", "succeeded");
    const run = await insertManualRun(world.handle.db);
    const outcome = await runWithRequest(newRequestContext("req-export-1"), () =>
      runExportAttempt(world.handle.db, run.id, FIRST_TRY, { storage: world.storage }),
    );
    expect(outcome).toBe("succeeded");
    const stored = await getExportRun(world.handle.db, run.id);
    expect(runLines()).toEqual([
      expect.objectContaining({
        level: "info",
        msg: "export run started",
        runId: run.id,
        attempt: 1,
        maxAttempts: 3,
        requestId: "req-export-1",
      }),
      expect.objectContaining({
        level: "info",
        msg: "export run finished",
        runId: run.id,
        attempt: 1,
        outcome: "succeeded",
        rows: stored?.rowCount,
        bytes: stored?.byteSize,
        format: "csv",
        durationMs: expect.any(Number),
        requestId: "req-export-1",
      }),
    ]);
    expect(stored?.rowCount).toBeGreaterThan(0);
    expect(await counted("zones_export_runs_total", "succeeded")).toBe(before + 1);
    expect(await counted("zones_export_run_duration_seconds_count", "succeeded")).toBe(durationsBefore + 1);
    // The values exported (the fixture's GDP and notes) never reach the log.
    expect(capture.text()).not.toMatch(/1234\.5|淄博/);
  });

  it("failed: with the error (and its stack), retrying while tries remain", async () => {
    const blocked = path.join(world.exportDir, "blocked");
    await writeFile(blocked, "a file where the export folder should be");
    const run = await insertManualRun(world.handle.db);
    await expect(
      runExportAttempt(world.handle.db, run.id, FIRST_TRY, { storage: new LocalExportStorage(blocked) }),
    ).rejects.toThrow();
    expect(runLines().at(-1)).toMatchObject({
      level: "error",
      msg: "export run failed",
      runId: run.id,
      attempt: 1,
      outcome: "retrying",
      final: false,
      // fs errors come without frames: their stack is their message.
      err: { code: "ENOTDIR", stack: expect.stringMatching(/^Error: ENOTDIR/) },
    });
  });

  it("refused: failed for good, saying why", async () => {
    // An official asking for another zone's unapproved data.
    const run = await insertManualRun(world.handle.db, {
      requestedBy: OFFICIAL.id,
      filters: gdpFilters({ zoneCodes: ["HB-HS", "SD-ZB"], statuses: ["approved", "submitted"] }),
    });
    expect(await runExportAttempt(world.handle.db, run.id, FIRST_TRY, { storage: world.storage })).toBe(
      "failed",
    );
    expect(runLines().at(-1)).toMatchObject({
      level: "warn",
      msg: "export run failed",
      outcome: "failed",
      final: true,
      reason: expect.stringMatching(/^refused: /),
    });
  });

  it("a run a request sends carries its id through pg-boss to the worker; queue sizes are sampled", async () => {
    worker = await startExportWorker(world.handle, {
      storage: world.storage,
      timing: { pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 45 },
    });
    await worker.boss.offWork(EXPORT_QUEUES.run);
    const run = await insertManualRun(world.handle.db);
    await runWithRequest(newRequestContext("req-from-web"), () => worker?.jobs.enqueueRun(run.id));
    const metrics = await registry.metrics();
    expect(metrics).toMatch(/^zones_job_queue_size\{queue="export-run",state="queued"\} 1$/m);
    expect(metrics).toMatch(/^zones_job_queue_size\{queue="export-tick",state="active"\} 0$/m);
    await worker.stop();
    // A fresh worker (no request around it) takes the job: its lines carry the sender's request id.
    worker = await startExportWorker(world.handle, {
      storage: world.storage,
      timing: { pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 45 },
    });
    const finished = await waitFor(
      async () => runLines().find((line) => line.msg === "export run finished" && line.runId === run.id),
      "the run to finish",
      { timeoutMs: 45_000, intervalMs: 200 },
    );
    expect(finished).toMatchObject({ requestId: "req-from-web", attempt: 1 });
    expect(
      runLines().find((line) => line.msg === "export run started" && line.runId === run.id),
    ).toMatchObject({
      requestId: "req-from-web",
    });
  }, 60_000);
});
