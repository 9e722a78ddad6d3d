import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  getExportRun,
  insertExportRun,
  insertExportSchedule,
  requestExportRunCancel,
} from "@zones/db/exports";
import { exportRuns, exportSchedules, users } from "@zones/db/schema";
import type { TExportFiltersInput } from "@zones/exports";
import { LocalExportStorage } from "@zones/storage";
import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { LiveRuns, runExportAttempt } from "./run-export";
import { approveAllZones, gdpSchedule, OFFICIAL, REVIEWER } from "./test-fixture";
import { gdpFilters, insertManualRun, useJobsWorld } from "./test-world";
import { runQuarterApproved, runScheduleTick } from "./tick";

function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error("expected a value");
  return value;
}

const FIRST_TRY = { retryCount: 0, retryLimit: 2 };
/** GDP of HB-HS and SD-ZB, 2026Q2–2026Q3. */
const twoZones = (input: Partial<TExportFiltersInput> = {}) =>
  gdpFilters({ zoneCodes: ["HB-HS", "SD-ZB"], to: "2026Q3", ...input });

const world = useJobsWorld();

const manualRun = (requestedBy: string, filters = twoZones(), format = "csv") =>
  insertManualRun(world.handle.db, { requestedBy, filters, format });

describe("one export run", () => {
  it("writes the file, records rows, bytes, checksum and duration; the CSV parses back to the database's values", async () => {
    const run = await manualRun(REVIEWER.id, twoZones({ statuses: ["approved", "submitted"] }));
    expect(await runExportAttempt(world.handle.db, run.id, FIRST_TRY, { storage: world.storage })).toBe(
      "succeeded",
    );
    const stored = present(await getExportRun(world.handle.db, run.id));
    expect(stored).toMatchObject({ status: "succeeded", attempts: 1, rowCount: 3, rowsDone: 3, error: null });
    const bytes = await readFile(path.join(world.exportDir, present(stored.storageKey)));
    expect(stored.byteSize).toBe(bytes.byteLength);
    expect(stored.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(stored.durationMs).toBeGreaterThanOrEqual(0);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(stored.storageKey).toBe(`${run.id}/${stored.fileName}`);
    expect(await readdir(path.join(world.exportDir, run.id))).toEqual([stored.fileName]);
    const [header = [], ...records]: string[][] = parse(bytes, { bom: true });
    const column = (name: string) => header.indexOf(name);
    const cells = (row: string[], ...names: string[]) => names.map((name) => row[column(name)]);
    expect(records.map((row) => cells(row, "示范区代码", "季度", "数值", "状态"))).toEqual([
      ["SD-ZB", "2026Q2", "987.25", "已审核"],
      ["HB-HS", "2026Q2", "1234.5", "已审核"],
      ["HB-HS", "2026Q3", "1500", "待审核"],
    ]);
    // The note "=1+1" is neutralised, the Chinese one intact.
    expect(records.map((row) => cells(row, "上报说明")[0])).toEqual(["淄博", "'=1+1", ""]);
  });

  it("picks up a run whose worker died mid-way: the half-written file is removed, the run completes", async () => {
    const run = await manualRun(REVIEWER.id);
    await world.handle.db
      .update(exportRuns)
      .set({ status: "running", attempts: 1, heartbeatAt: sql`now() - interval '5 minutes'` })
      .where(eq(exportRuns.id, run.id));
    const runDir = path.join(world.exportDir, run.id);
    await mkdir(runDir, { recursive: true });
    await writeFile(path.join(runDir, "zones-HB-HS_SD-ZB-2026Q2-2026Q3.csv.part"), "half a fi");
    expect(
      await runExportAttempt(
        world.handle.db,
        run.id,
        { retryCount: 1, retryLimit: 2 },
        { storage: world.storage },
      ),
    ).toBe("succeeded");
    const stored = present(await getExportRun(world.handle.db, run.id));
    expect(stored).toMatchObject({ status: "succeeded", attempts: 2, rowCount: 2 });
    expect(await readdir(runDir)).toEqual([stored.fileName]);
  });

  it("gives up a run whose worker died during its every attempt, instead of recovering it forever", async () => {
    const run = await manualRun(REVIEWER.id);
    await world.handle.db
      .update(exportRuns)
      .set({ status: "running", attempts: 3, heartbeatAt: sql`now() - interval '5 minutes'` })
      .where(eq(exportRuns.id, run.id));
    const runDir = path.join(world.exportDir, run.id);
    await mkdir(runDir, { recursive: true });
    await writeFile(path.join(runDir, "zones-HB-HS_SD-ZB-2026Q2-2026Q3.csv.part"), "half a fi");
    // A recovery job is a fresh pg-boss job: its retry count says nothing, the run's attempts do.
    expect(await runExportAttempt(world.handle.db, run.id, FIRST_TRY, { storage: world.storage })).toBe(
      "failed",
    );
    const stored = present(await getExportRun(world.handle.db, run.id));
    expect(stored).toMatchObject({ status: "failed", attempts: 4, storageKey: null });
    expect(stored.error).toMatch(/^given up after 3 attempts: the worker running it stopped mid-way/);
    await expect(readdir(runDir)).rejects.toThrow(/ENOENT/);
  });

  it("a recovered run's last attempt is final by the run's count, though its job could retry", async () => {
    const blocked = path.join(world.exportDir, "blocked-after-crash");
    await writeFile(blocked, "a file where the export folder should be");
    const run = await manualRun(REVIEWER.id);
    await world.handle.db
      .update(exportRuns)
      .set({ status: "running", attempts: 2, heartbeatAt: sql`now() - interval '5 minutes'` })
      .where(eq(exportRuns.id, run.id));
    await expect(
      runExportAttempt(world.handle.db, run.id, FIRST_TRY, { storage: new LocalExportStorage(blocked) }),
    ).rejects.toThrow();
    const failed = present(await getExportRun(world.handle.db, run.id));
    expect(failed).toMatchObject({ status: "failed", attempts: 3 });
    expect(failed.error).toMatch(/^attempt 3 of 3 failed: /);
    expect(failed.error).not.toMatch(/retrying/);
  });

  it("leaves a run alone while its worker is alive (a second job for it does nothing)", async () => {
    const run = await manualRun(REVIEWER.id);
    await world.handle.db
      .update(exportRuns)
      .set({ status: "running", attempts: 1, heartbeatAt: sql`now()` })
      .where(eq(exportRuns.id, run.id));
    expect(await runExportAttempt(world.handle.db, run.id, FIRST_TRY, { storage: world.storage })).toBe(
      "skipped",
    );
    expect(await getExportRun(world.handle.db, run.id)).toMatchObject({ status: "running", attempts: 1 });
  });

  it("cancels: a queued run at once, a running one at its next batch, leaving no file", async () => {
    const queued = await manualRun(REVIEWER.id);
    await requestExportRunCancel(world.handle.db, queued.id);
    expect(await getExportRun(world.handle.db, queued.id)).toMatchObject({ status: "cancelled" });
    expect(await runExportAttempt(world.handle.db, queued.id, FIRST_TRY, { storage: world.storage })).toBe(
      "skipped",
    );

    const running = await manualRun(REVIEWER.id);
    // Cancelled by its requester as soon as the first rows are counted.
    class CancelOnProgress extends LiveRuns {
      override progress(runId: string, progress: { rowsDone: number; rowsExpected: number }) {
        super.progress(runId, progress);
        this.cancel(runId);
      }
    }
    const outcome = await runExportAttempt(world.handle.db, running.id, FIRST_TRY, {
      storage: world.storage,
      batchSize: 1,
      live: new CancelOnProgress(),
    });
    expect(outcome).toBe("cancelled");
    expect(await getExportRun(world.handle.db, running.id)).toMatchObject({
      status: "cancelled",
      fileName: null,
    });
    await expect(readdir(path.join(world.exportDir, running.id))).rejects.toThrow(/ENOENT/);
  });

  it("refuses for good what the requester may not export (an official, another zone's unapproved data)", async () => {
    const run = await manualRun(OFFICIAL.id, twoZones({ statuses: ["approved", "submitted"] }));
    expect(await runExportAttempt(world.handle.db, run.id, FIRST_TRY, { storage: world.storage })).toBe(
      "failed",
    );
    const stored = await getExportRun(world.handle.db, run.id);
    expect(stored?.status).toBe("failed");
    expect(stored?.error).toMatch(/^refused: statuses: .*SD-ZB/);
    expect(stored?.storageKey).toBeNull();
  });

  it("records a failed attempt as retrying while tries remain, and as failed after the last", async () => {
    const blocked = path.join(world.exportDir, "not-a-directory");
    await writeFile(blocked, "a file where the export folder should be");
    const run = await manualRun(REVIEWER.id);
    await expect(
      runExportAttempt(
        world.handle.db,
        run.id,
        { retryCount: 0, retryLimit: 1 },
        { storage: new LocalExportStorage(blocked) },
      ),
    ).rejects.toThrow();
    const retrying = await getExportRun(world.handle.db, run.id);
    expect(retrying).toMatchObject({ status: "queued", attempts: 1 });
    expect(retrying?.error).toMatch(/^attempt 1 of 2 failed: .*; retrying$/);
    await expect(
      runExportAttempt(
        world.handle.db,
        run.id,
        { retryCount: 1, retryLimit: 1 },
        { storage: new LocalExportStorage(blocked) },
      ),
    ).rejects.toThrow();
    const failed = await getExportRun(world.handle.db, run.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 2 });
    expect(failed?.error).toMatch(/^attempt 2 of 2 failed: /);
    expect(failed?.error).not.toMatch(/retrying/);
  });
});

describe("schedules", () => {
  it("a tick runs each occurrence once, even when two workers tick at the same moment", async () => {
    const now = new Date("2026-11-30T00:00:30Z");
    const schedule = await insertExportSchedule(world.handle.db, {
      ...gdpSchedule({ name: "ticked" }),
      ownerId: REVIEWER.id,
      dueFrom: new Date("2026-11-29T23:58:10Z"),
    });
    const sent: string[] = [];
    const dispatch = async (runId: string) => {
      sent.push(runId);
    };
    const [first, second] = await Promise.all([
      runScheduleTick(world.handle.db, dispatch, now),
      runScheduleTick(world.handle.db, dispatch, now),
    ]);
    const created = [...first.created, ...second.created];
    expect(created).toHaveLength(1);
    expect(sent).toEqual(created);
    const run = await getExportRun(world.handle.db, present(created[0]));
    // The latest minute in (23:58:10, 00:00:30]: 00:00:00, once (23:59 collapsed into it).
    expect(run).toMatchObject({ scheduleId: schedule.id, trigger: "schedule", requestedBy: REVIEWER.id });
    expect(run?.dueAt?.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect((await runScheduleTick(world.handle.db, dispatch, now)).created).toEqual([]);
    const later = await runScheduleTick(world.handle.db, dispatch, new Date("2026-11-30T00:01:05Z"));
    expect(later.created).toHaveLength(1);
    await world.handle.db.delete(exportSchedules).where(eq(exportSchedules.id, schedule.id));
  });

  it("stops a schedule whose owner lost the right to it, saying why, and runs nothing", async () => {
    const owner = {
      id: "reviewer-2",
      name: "前审核员",
      email: "former@jobs.test",
      role: "reviewer" as const,
    };
    await world.handle.db.insert(users).values(owner);
    const schedule = await insertExportSchedule(world.handle.db, {
      ...gdpSchedule({ name: "orphan" }),
      ownerId: owner.id,
      dueFrom: new Date("2026-11-29T23:58:10Z"),
    });
    await world.handle.db.update(users).set({ role: "official" }).where(eq(users.id, owner.id));
    const result = await runScheduleTick(world.handle.db, async () => {}, new Date("2026-11-30T00:00:30Z"));
    expect(result.created).toEqual([]);
    expect(result.stopped).toEqual([
      { scheduleId: schedule.id, reason: expect.stringMatching(/no longer a reviewer or admin/) },
    ]);
    const [stored] = await world.handle.db
      .select()
      .from(exportSchedules)
      .where(eq(exportSchedules.id, schedule.id));
    expect(stored).toMatchObject({ enabled: false, stoppedReason: expect.stringMatching(/前审核员/) });
  });

  it("keeps the newest `retention` files of a schedule; older runs keep their record, lose their file", async () => {
    const schedule = await insertExportSchedule(world.handle.db, {
      ...gdpSchedule({ name: "retained", retention: 2 }),
      ownerId: REVIEWER.id,
    });
    const runs = [];
    for (const minute of [1, 2, 3]) {
      const run = await insertExportRun(world.handle.db, {
        scheduleId: schedule.id,
        requestedBy: REVIEWER.id,
        trigger: "schedule",
        dueAt: new Date(`2026-12-01T00:0${minute}:00Z`),
        filters: twoZones(),
        format: "csv",
        maxAttempts: 3,
      });
      expect(
        await runExportAttempt(world.handle.db, present(run).id, FIRST_TRY, { storage: world.storage }),
      ).toBe("succeeded");
      runs.push(present(run));
    }
    const stored = await Promise.all(runs.map((run) => getExportRun(world.handle.db, run.id)));
    expect(stored.map((run) => [run?.status, run?.storageKey === null, run?.prunedAt !== null])).toEqual([
      ["succeeded", true, true],
      ["succeeded", false, false],
      ["succeeded", false, false],
    ]);
    await expect(readdir(path.join(world.exportDir, present(runs[0]).id))).rejects.toThrow(/ENOENT/);
    expect(await readdir(path.join(world.exportDir, present(runs[2]).id))).toHaveLength(1);
  });

  it("runs an all-approved schedule once, when the last zone of the quarter is approved", async () => {
    const schedule = await insertExportSchedule(world.handle.db, {
      ...gdpSchedule({
        name: "on approval",
        trigger: { kind: "all-approved" },
        cron: null,
        filters: { ...gdpSchedule().filters, quarters: { kind: "recent", count: 1 } },
      }),
      ownerId: REVIEWER.id,
    });
    const sent: string[] = [];
    const dispatch = async (runId: string) => {
      sent.push(runId);
    };
    expect((await runQuarterApproved(world.handle.db, dispatch, "2026Q2")).created).toEqual([]);
    await approveAllZones(world.handle, "2026Q2");
    const { created } = await runQuarterApproved(world.handle.db, dispatch, "2026Q2");
    expect(created).toHaveLength(1);
    const run = await getExportRun(world.handle.db, present(created[0]));
    expect(run).toMatchObject({ scheduleId: schedule.id, trigger: "event" });
    expect(run?.filters).toMatchObject({ from: "2026Q2", to: "2026Q2" });
    expect((await runQuarterApproved(world.handle.db, dispatch, "2026Q2")).created).toEqual([]);
    expect(sent).toEqual(created);
  });
});
