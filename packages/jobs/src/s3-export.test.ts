import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getExportRun, insertExportRun, insertExportSchedule } from "@zones/db/exports";
import { exportRuns } from "@zones/db/schema";
import { S3ExportStorage } from "@zones/storage";
import { type S3Emulator, startS3Emulator } from "@zones/storage/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { LiveRuns, runExportAttempt } from "./run-export";
import { gdpSchedule, REVIEWER } from "./test-fixture";
import { gdpFilters, insertManualRun, useJobsWorld, waitFor } from "./test-world";
import { type ExportWorker, startExportWorker } from "./worker";

/** Export runs whose files go to an S3 API (s3rver on 127.0.0.1), as with EXPORT_STORAGE_URL. */
const world = useJobsWorld();
let emulator: S3Emulator;
let storage: S3ExportStorage;
const workers: ExportWorker[] = [];
beforeAll(async () => {
  emulator = await startS3Emulator();
  storage = new S3ExportStorage(emulator.settings("zones/exports"));
});
// Before the world closes (after hooks run last-registered first).
afterAll(async () => {
  for (const worker of workers) await worker.stop();
  await emulator?.stop();
});

const FIRST_TRY = { retryCount: 0, retryLimit: 2 };
const twoZones = () => gdpFilters({ zoneCodes: ["HB-HS", "SD-ZB"], to: "2026Q3" });
const keysOf = (runId: string) => emulator.keys(`zones/exports/${runId}/`);

async function objectBytes(key: string): Promise<Buffer> {
  const object = await storage.open(key);
  if (!object) throw new Error(`no object ${key}`);
  const parts: Buffer[] = [];
  for await (const part of object.body) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe("export runs into S3", () => {
  it("end with the object in the bucket, its size and SHA-256 those recorded", async () => {
    const run = await insertManualRun(world.handle.db, { filters: twoZones(), format: "xlsx" });
    expect(await runExportAttempt(world.handle.db, run.id, FIRST_TRY, { storage })).toBe("succeeded");
    const stored = await getExportRun(world.handle.db, run.id);
    expect(stored).toMatchObject({
      status: "succeeded",
      rowCount: 2,
      storageKey: `${run.id}/${stored?.fileName}`,
    });
    expect(await keysOf(run.id)).toEqual([`zones/exports/${stored?.storageKey}`]);
    const bytes = await objectBytes(stored?.storageKey ?? "");
    expect(bytes.length).toBe(stored?.byteSize);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(stored?.checksum);
    // An XLSX is a zip: the object is the file, not something wrapped around it.
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("take up a run whose worker died: what an earlier attempt stored is deleted, the new file kept", async () => {
    const run = await insertManualRun(world.handle.db, { filters: twoZones() });
    await world.handle.db
      .update(exportRuns)
      .set({ status: "running", attempts: 1, heartbeatAt: sql`now() - interval '5 minutes'` })
      .where(eq(exportRuns.id, run.id));
    // The dead worker's upload completed, but it died before recording it.
    await storage.store(`${run.id}/zones-export-earlier.csv`, (sink) =>
      pipeline(Readable.from(["old"]), sink),
    );
    expect(
      await runExportAttempt(world.handle.db, run.id, { retryCount: 1, retryLimit: 2 }, { storage }),
    ).toBe("succeeded");
    const stored = await getExportRun(world.handle.db, run.id);
    expect(await keysOf(run.id)).toEqual([`zones/exports/${stored?.storageKey}`]);
  });

  it("leave no object when cancelled mid-way", async () => {
    const run = await insertManualRun(world.handle.db, { filters: twoZones() });
    class CancelOnProgress extends LiveRuns {
      override progress(runId: string, progress: { rowsDone: number; rowsExpected: number }) {
        super.progress(runId, progress);
        if (progress.rowsDone > 0) this.cancel(runId);
      }
    }
    const outcome = await runExportAttempt(world.handle.db, run.id, FIRST_TRY, {
      storage,
      batchSize: 1,
      live: new CancelOnProgress(),
    });
    expect(outcome).toBe("cancelled");
    expect(await getExportRun(world.handle.db, run.id)).toMatchObject({
      status: "cancelled",
      storageKey: null,
    });
    expect(await keysOf(run.id)).toEqual([]);
  });

  it("fail, and are retried, while the bucket cannot be written; nothing is recorded as stored", async () => {
    const missing = new S3ExportStorage({ ...emulator.settings(), bucket: "no-such-bucket" });
    const run = await insertManualRun(world.handle.db, { filters: twoZones() });
    await expect(runExportAttempt(world.handle.db, run.id, FIRST_TRY, { storage: missing })).rejects.toThrow(
      /bucket/i,
    );
    const stored = await getExportRun(world.handle.db, run.id);
    expect(stored).toMatchObject({ status: "queued", storageKey: null });
    expect(stored?.error).toMatch(/^attempt 1 of 3 failed: .*; retrying$/);
  });

  it("of a schedule keep its newest `retention` files: older objects are deleted from the bucket", async () => {
    const schedule = await insertExportSchedule(world.handle.db, {
      ...gdpSchedule({ name: "retained in S3", retention: 1 }),
      ownerId: REVIEWER.id,
    });
    const runIds: string[] = [];
    for (const minute of [1, 2]) {
      const run = await insertExportRun(world.handle.db, {
        scheduleId: schedule.id,
        requestedBy: REVIEWER.id,
        trigger: "schedule",
        dueAt: new Date(`2026-12-01T00:0${minute}:00Z`),
        filters: twoZones(),
        format: "csv",
        maxAttempts: 3,
      });
      if (!run) throw new Error("no run");
      expect(await runExportAttempt(world.handle.db, run.id, FIRST_TRY, { storage })).toBe("succeeded");
      runIds.push(run.id);
    }
    const [older, newer] = await Promise.all(runIds.map((id) => getExportRun(world.handle.db, id)));
    expect(older).toMatchObject({ status: "succeeded", storageKey: null, prunedAt: expect.any(Date) });
    expect(await keysOf(runIds[0] ?? "")).toEqual([]);
    expect(newer).toMatchObject({ status: "succeeded", prunedAt: null });
    expect(await keysOf(runIds[1] ?? "")).toEqual([`zones/exports/${newer?.storageKey}`]);
  });

  it("are run by a worker on pg-boss into the bucket", async () => {
    const worker = await startExportWorker(world.handle, {
      storage,
      timing: { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 5 },
    });
    workers.push(worker);
    const run = await insertManualRun(world.handle.db, { filters: twoZones() });
    await worker.jobs.enqueueRun(run.id);
    const done = await waitFor(
      async () => {
        const stored = await getExportRun(world.handle.db, run.id);
        return stored?.status === "succeeded" ? stored : null;
      },
      "the run to succeed",
      { timeoutMs: 45_000, intervalMs: 200 },
    );
    const bytes = await objectBytes(done.storageKey ?? "");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(done.checksum);
  }, 60_000);
});
