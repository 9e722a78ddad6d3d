import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { failExportRunAttempt, finishExportRun, getExportRun } from "@zones/db/exports";
import { exportRuns } from "@zones/db/schema";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

import type { ExportFile } from "./export-file";
import { runExportAttempt } from "./run-export";
import { insertManualRun, useJobsWorld, waitFor } from "./test-world";

// A heartbeat every 40 ms instead of seconds, and an export that writes nothing until released: only the
// heartbeat's own timer can keep the run looking alive.
vi.mock("./queues", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./queues")>()),
  HEARTBEAT_MS: 40,
}));
let release: (file: ExportFile) => void = () => {};
/** Exports the mock has begun writing: the attempt has cleared and made its folder by then. */
let writesBegun = 0;
vi.mock("./export-file", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./export-file")>()),
  storeExportFile: (...args: unknown[]) =>
    new Promise<ExportFile>((resolve, reject) => {
      release = resolve;
      writesBegun += 1;
      // Like the real writer: an abort ends it with the abort's reason.
      const signal = (args[5] as { signal?: AbortSignal } | undefined)?.signal;
      signal?.addEventListener("abort", () => reject(signal.reason));
    }),
}));

const world = useJobsWorld();
const newRun = () => insertManualRun(world.handle.db);

describe("an attempt taken for dead while it still runs", () => {
  it("stops at its next heartbeat once a newer attempt took the run, and leaves the run and its folder alone", async () => {
    const run = await newRun();
    const begun = writesBegun;
    const attempt = runExportAttempt(
      world.handle.db,
      run.id,
      { retryCount: 0, retryLimit: 2 },
      { storage: world.storage },
    );
    await waitFor(async () => writesBegun > begun, "the first attempt to write", {
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    // What `startExportRunAttempt` does for the newer attempt, which then writes its own file.
    await world.handle.db
      .update(exportRuns)
      .set({ attempts: sql`${exportRuns.attempts} + 1`, heartbeatAt: sql`now()` })
      .where(eq(exportRuns.id, run.id));
    const runDir = path.join(world.exportDir, run.id);
    await mkdir(runDir, { recursive: true });
    await writeFile(path.join(runDir, "newer.csv.part"), "the newer attempt's rows");

    expect(await attempt).toBe("skipped");
    const stored = await getExportRun(world.handle.db, run.id);
    expect(stored).toMatchObject({ status: "running", attempts: 2, error: null });
    expect(await readdir(runDir)).toEqual(["newer.csv.part"]);
  });

  it("cannot record a finish or a failure over a newer attempt", async () => {
    const run = await newRun();
    await world.handle.db
      .update(exportRuns)
      .set({ status: "running", attempts: 2, heartbeatAt: sql`now()` })
      .where(eq(exportRuns.id, run.id));
    const older = { id: run.id, attempt: 1 };
    const file = {
      rowCount: 1,
      byteSize: 1,
      checksum: "0",
      durationMs: 1,
      fileName: "x.csv",
      storageKey: `${run.id}/x.csv`,
    };
    expect(await finishExportRun(world.handle.db, older, file)).toBe(false);
    expect(await failExportRunAttempt(world.handle.db, older, { error: "late", final: true })).toBe(false);
    expect(await getExportRun(world.handle.db, run.id)).toMatchObject({
      status: "running",
      error: null,
      rowCount: null,
    });
    expect(await finishExportRun(world.handle.db, { id: run.id, attempt: 2 }, file)).toBe(true);
    expect(await getExportRun(world.handle.db, run.id)).toMatchObject({ status: "succeeded", rowCount: 1 });
  });
});

describe("the heartbeat of a running export", () => {
  it("is written on its own timer while the export reports no progress (a long query, closing an XLSX)", async () => {
    const run = await newRun();
    const attempt = runExportAttempt(
      world.handle.db,
      run.id,
      { retryCount: 0, retryLimit: 2 },
      { storage: world.storage },
    );
    const heartbeat = async () => (await getExportRun(world.handle.db, run.id))?.heartbeatAt?.getTime() ?? 0;
    // The claim writes the first heartbeat; the timer must move it on twice more with no row written.
    const seen = new Set<number>();
    const until = Date.now() + 10_000;
    while (seen.size < 3) {
      if (Date.now() > until) throw new Error(`the heartbeat moved ${seen.size - 1} times in 10 s`);
      const at = await heartbeat();
      if (at > 0) seen.add(at);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const storageKey = `${run.id}/x.csv`;
    release({ rowCount: 1, byteSize: 1, checksum: "0", durationMs: 1, fileName: "x.csv", storageKey });
    expect(await attempt).toBe("succeeded");
    // Stopped with the run: no write after the last one.
    const last = await heartbeat();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await heartbeat()).toBe(last);
  });
});
