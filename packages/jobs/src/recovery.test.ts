import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { rowsOf } from "@zones/db/client";
import { getExportRun } from "@zones/db/exports";
import { exportRuns } from "@zones/db/schema";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

import {
  DEFAULT_POLLING_SECONDS,
  EXPORT_QUEUES,
  HEARTBEAT_MS,
  RECOVERY_SWEEP_MS,
  STALE_RUN_SECONDS,
} from "./queues";
import { recoverStaleRuns, startSweep } from "./recovery";
import { gdpFilters, insertManualRun, useJobsWorld, waitFor } from "./test-world";
import { type ExportWorker, startExportWorker } from "./worker";

const world = useJobsWorld();
let worker: ExportWorker | null = null;

// Before the world closes (after hooks run last-registered first).
afterAll(async () => {
  await worker?.stop();
});

/** A run of two GDP rows in the state a worker left it, its heartbeat `silentSeconds` old (database clock). */
async function runLeftAt(status: "queued" | "running" | "succeeded", silentSeconds: number, attempts = 1) {
  const run = await insertManualRun(world.handle.db, {
    filters: gdpFilters({ zoneCodes: ["HB-HS", "SD-ZB"] }),
  });
  await world.handle.db
    .update(exportRuns)
    .set({ status, attempts, heartbeatAt: sql`now() - make_interval(secs => ${silentSeconds})` })
    .where(eq(exportRuns.id, run.id));
  return run.id;
}

describe("crash recovery", () => {
  it("keeps the README's bound: a killed worker's run is taken up again well within a minute", () => {
    // Worst case (queues.ts): stale at kill + threshold, seen by the next sweep, taken at the next poll.
    const worstSeconds = STALE_RUN_SECONDS + RECOVERY_SWEEP_MS / 1000 + DEFAULT_POLLING_SECONDS;
    expect(worstSeconds).toBeLessThanOrEqual(45);
    // A live run is not taken for dead because one or two heartbeat writes were late.
    expect(STALE_RUN_SECONDS * 1000).toBeGreaterThanOrEqual(4 * HEARTBEAT_MS);
  });

  it("sends again a run silent for longer than the threshold, and no other", async () => {
    const dead = await runLeftAt("running", STALE_RUN_SECONDS + 5);
    const alive = await runLeftAt("running", STALE_RUN_SECONDS - 10);
    const deadButHere = await runLeftAt("running", STALE_RUN_SECONDS + 5);
    const finished = await runLeftAt("succeeded", 3600);
    const waiting = await runLeftAt("queued", 3600);
    const sent: string[] = [];
    const recovered = await recoverStaleRuns(
      world.handle.db,
      async (runId) => {
        sent.push(runId);
      },
      { runsHere: (runId) => runId === deadButHere },
    );
    expect(recovered).toEqual([dead]);
    expect(sent).toEqual([dead]);
    expect(sent).not.toContain(alive);
    expect(sent).not.toContain(finished);
    expect(sent).not.toContain(waiting);
    // Without the local view, the run silent as long is dead too.
    expect((await recoverStaleRuns(world.handle.db, async () => {})).sort()).toEqual(
      [dead, deadButHere].sort(),
    );
    await world.handle.db.delete(exportRuns);
  });

  it("a worker takes up a dead worker's run at its first sweep: half file removed, the run completes", async () => {
    const runId = await runLeftAt("running", STALE_RUN_SECONDS + 5);
    const runDir = path.join(world.exportDir, runId);
    await mkdir(runDir, { recursive: true });
    await writeFile(path.join(runDir, "zones-HB-HS_SD-ZB-2026Q2-2026Q2.csv.part"), "half a fi");
    // The tick once a year: only the sweep can have sent the run.
    worker = await startExportWorker(world.handle, {
      storage: world.storage,
      timing: { pollingIntervalSeconds: 0.5 },
      tickCron: "0 0 1 1 *",
    });
    const run = await waitFor(async () => {
      const current = await getExportRun(world.handle.db, runId);
      return current?.status === "succeeded" ? current : null;
    }, "the dead worker's run to succeed");
    expect(run).toMatchObject({ status: "succeeded", attempts: 2, rowCount: 2 });
    expect(await readdir(runDir)).toEqual([run.fileName]);
    const jobs = rowsOf<{ singleton_key: string | null }>(
      await world.handle.db.execute(
        sql`select singleton_key from pgboss.job where name = ${EXPORT_QUEUES.run} and data ->> 'runId' = ${runId}`,
      ),
    );
    expect(jobs).toEqual([{ singleton_key: `recover:${runId}` }]);
  }, 30_000);
});

describe("the sweep", () => {
  it("checks at once and then on its interval, never two at once, and not after stop", async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      let finish: () => void = () => {};
      const check = () => {
        calls += 1;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      };
      const errors: unknown[] = [];
      const sweep = startSweep(check, 1_000, (error) => errors.push(error));
      expect(calls).toBe(1);
      await vi.advanceTimersByTimeAsync(3_500);
      expect(calls).toBe(1); // the first check is still running
      finish();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(calls).toBe(2);
      finish();
      const stopped = sweep.stop();
      await vi.advanceTimersByTimeAsync(5_000);
      await stopped;
      expect(calls).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("reports a failing check and keeps sweeping", async () => {
    vi.useFakeTimers();
    try {
      const errors: unknown[] = [];
      let calls = 0;
      const sweep = startSweep(
        async () => {
          calls += 1;
          throw new Error(`check ${calls} failed`);
        },
        1_000,
        (error) => errors.push(error),
      );
      await vi.advanceTimersByTimeAsync(2_000);
      await sweep.stop();
      expect(calls).toBe(3);
      expect(errors.map((error) => (error instanceof Error ? error.message : error))).toEqual([
        "check 1 failed",
        "check 2 failed",
        "check 3 failed",
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});
