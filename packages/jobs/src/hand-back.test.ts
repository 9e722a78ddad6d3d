import { readdir } from "node:fs/promises";
import path from "node:path";
import { getExportRun } from "@zones/db/exports";
import { afterAll, describe, expect, it } from "vitest";

import { LiveRuns, runExportAttempt } from "./run-export";
import { insertManualRun, useJobsWorld, waitFor } from "./test-world";
import { type ExportWorker, startExportWorker } from "./worker";

const world = useJobsWorld();
let worker: ExportWorker | null = null;

// Before the world closes (after hooks run last-registered first).
afterAll(async () => {
  await worker?.stop();
});

describe("a stopping worker hands its exports back", () => {
  it("an export stopped to be handed back is queued again, its attempt uncounted, its folder gone", async () => {
    const run = await insertManualRun(world.handle.db);
    const live = new LiveRuns();
    // The worker began stopping (its grace ran out) as this export started.
    live.handBackAll();
    const outcome = await runExportAttempt(
      world.handle.db,
      run.id,
      { retryCount: 0, retryLimit: 2 },
      { storage: world.storage, live },
    );
    expect(outcome).toBe("handed-back");
    expect(await getExportRun(world.handle.db, run.id)).toMatchObject({
      status: "queued",
      attempts: 0,
      rowsDone: 0,
      storageKey: null,
      error: null,
    });
    expect(await readdir(world.exportDir)).not.toContain(run.id);
    expect(live.size).toBe(0);

    // Any worker then runs it, as its first attempt.
    worker = await startExportWorker(world.handle, {
      storage: world.storage,
      timing: { pollingIntervalSeconds: 0.5 },
      tickCron: "0 0 1 1 *",
    });
    await worker.jobs.enqueueRun(run.id);
    const done = await waitFor(async () => {
      const current = await getExportRun(world.handle.db, run.id);
      return current?.status === "succeeded" ? current : null;
    }, "the handed-back run to succeed");
    expect(done).toMatchObject({ attempts: 1, rowCount: 1 });
    expect(await readdir(path.join(world.exportDir, run.id))).toEqual([done.fileName]);
  }, 30_000);

  it("stopping with nothing running ends at once, whatever the grace", async () => {
    const idle = await startExportWorker(world.handle, {
      storage: world.storage,
      timing: { pollingIntervalSeconds: 0.5 },
      tickCron: "0 0 1 1 *",
    });
    const started = Date.now();
    await idle.stop({ deadline: Date.now() + 60_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
