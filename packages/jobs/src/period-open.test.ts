import { rowsOf } from "@zones/db/client";
import { findPeriod } from "@zones/db/periods";
import { auditLog } from "@zones/db/schema";
import { DEFAULT_TIME_ZONE } from "@zones/domain";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

import { PERIOD_OPEN_CRON, PERIOD_QUEUES } from "./queues";
import { useJobsWorld, waitFor } from "./test-world";
import { type ExportWorker, startExportWorker } from "./worker";

/** pg-boss polls twice a second here (default every 2 s). */
const FAST = {
  cronMonitorIntervalSeconds: 45,
  cronWorkerIntervalSeconds: 45,
  pollingIntervalSeconds: 0.5,
  maintenanceIntervalSeconds: 5,
};
const POLL = { timeoutMs: 45_000, intervalMs: 200 };

/** Five minutes after 2026Q4 ended in Beijing; the fixture has periods for 2026Q2 and 2026Q3 only. */
const NEW_YEAR = new Date("2027-01-01T00:05:00+08:00");

const world = useJobsWorld();
const workers: ExportWorker[] = [];

afterAll(async () => {
  for (const worker of workers) await worker.stop();
});

describe("the daily period opening on pg-boss", () => {
  it("two workers running the job at the same moment open the ended quarter once, audited once", async () => {
    const options = { storage: world.storage, timing: FAST, clock: () => NEW_YEAR };
    workers.push(
      await startExportWorker(world.handle, options),
      await startExportWorker(world.handle, options),
    );
    // Besides the jobs the workers sent as they started, several at once through both.
    const sent = await Promise.all(
      workers.flatMap((worker) => [1, 2, 3].map(() => worker.boss.send(PERIOD_QUEUES.open, {}))),
    );
    expect(sent.every((id) => typeof id === "string")).toBe(true);
    const jobs = await waitFor(
      async () => {
        const rows = rowsOf<{ state: string }>(
          await world.handle.db.execute(sql`select state from pgboss.job where name = ${PERIOD_QUEUES.open}`),
        );
        return rows.length >= sent.length && rows.every((job) => job.state === "completed") ? rows : null;
      },
      "every opening job to complete",
      POLL,
    );
    expect(jobs.length).toBeGreaterThanOrEqual(sent.length);

    expect(await findPeriod(world.handle.db, "2026Q4")).toEqual({
      quarter: "2026Q4",
      status: "open",
      deadline: "2027-01-25",
    });
    const audit = await world.handle.db
      .select({ actorId: auditLog.actorId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "period"), eq(auditLog.entityId, "2026Q4")));
    expect(audit).toEqual([
      {
        actorId: null,
        details: { source: "schedule", from: null, to: { status: "open", deadline: "2027-01-25" } },
      },
    ]);
    // The fixture's own periods are as they were.
    expect(await findPeriod(world.handle.db, "2026Q3")).toMatchObject({
      status: "open",
      deadline: "2026-10-25",
    });
    expect(await findPeriod(world.handle.db, "2026Q2")).toMatchObject({ status: "closed" });
  }, 60_000);

  it("is scheduled daily shortly after midnight, Asia/Shanghai", async () => {
    const schedules = rowsOf<{ cron: string; timezone: string }>(
      await world.handle.db.execute(
        sql`select cron, timezone from pgboss.schedule where name = ${PERIOD_QUEUES.open}`,
      ),
    );
    expect(schedules).toEqual([{ cron: PERIOD_OPEN_CRON, timezone: DEFAULT_TIME_ZONE }]);
    expect(PERIOD_OPEN_CRON).toBe("5 0 * * *");
  });
});
