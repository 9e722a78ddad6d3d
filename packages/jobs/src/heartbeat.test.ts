import { rm } from "node:fs/promises";
import path from "node:path";
import { type DatabaseHandle, getExportRun, insertExportRun } from "@zones/db";
import { createTestDatabase } from "@zones/db/testing";
import { type ExportFile, parseExportFilters } from "@zones/exports";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { runExportAttempt } from "./run-export";
import { loadJobsFixture, REVIEWER, tempExportDir } from "./test-fixture";

// A heartbeat every 40 ms instead of seconds, and an export that writes nothing until released: only the
// heartbeat's own timer can keep the run looking alive.
vi.mock("./queues", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./queues")>()),
  HEARTBEAT_MS: 40,
}));
let release: (file: ExportFile) => void = () => {};
vi.mock("@zones/exports", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@zones/exports")>()),
  writeExportFile: () =>
    new Promise<ExportFile>((resolve) => {
      release = resolve;
    }),
}));

let handle: DatabaseHandle;
let exportDir: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  await loadJobsFixture(handle);
  exportDir = await tempExportDir();
});

afterAll(async () => {
  await handle?.close();
  await rm(exportDir, { recursive: true, force: true });
});

describe("the heartbeat of a running export", () => {
  it("is written on its own timer while the export reports no progress (a long query, closing an XLSX)", async () => {
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
    const attempt = runExportAttempt(handle.db, run.id, { retryCount: 0, retryLimit: 2 }, { exportDir });
    const heartbeat = async () => (await getExportRun(handle.db, run.id))?.heartbeatAt?.getTime() ?? 0;
    // The claim writes the first heartbeat; the timer must move it on twice more with no row written.
    const seen = new Set<number>();
    const until = Date.now() + 10_000;
    while (seen.size < 3) {
      if (Date.now() > until) throw new Error(`the heartbeat moved ${seen.size - 1} times in 10 s`);
      const at = await heartbeat();
      if (at > 0) seen.add(at);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const filePath = path.join(exportDir, run.id, "x.csv");
    release({ rowCount: 1, byteSize: 1, checksum: "0", durationMs: 1, fileName: "x.csv", filePath });
    expect(await attempt).toBe("succeeded");
    // Stopped with the run: no write after the last one.
    const last = await heartbeat();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await heartbeat()).toBe(last);
  });
});
