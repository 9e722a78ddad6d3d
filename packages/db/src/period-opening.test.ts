import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "./client";
import { findPeriod, listPeriods, openDuePeriods, updatePeriod } from "./periods";
import { auditLog, reportingPeriods, users } from "./schema";
import { createTestDatabase, testEngine } from "./testing";

const ADMIN = { id: "u-admin", name: "管理员", email: "admin@periods.test", role: "admin" as const };

/** An instant on Beijing's clock. */
const beijing = (local: string) => new Date(`${local}+08:00`);

/** Each test works on its own years, as the audit log is append-only and shared by the file. */
describe(`periods opening by themselves (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await handle.db.insert(users).values(ADMIN);
  });
  afterAll(async () => {
    await handle.close();
  });

  const auditOf = (quarter: string) =>
    handle.db
      .select({ actorId: auditLog.actorId, action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "period"), eq(auditLog.entityId, quarter)));

  const previousPeriod = (quarter: string, deadline: string) =>
    handle.db.insert(reportingPeriods).values({ quarter, status: "closed", deadline });

  it("opens the quarter that ended with the default deadline, once, with one audit row by the schedule", async () => {
    await previousPeriod("2031Q2", "2031-07-25");
    const now = beijing("2031-10-01T00:05:00");
    expect(await openDuePeriods(handle.db, now)).toEqual([
      { quarter: "2031Q3", status: "open", deadline: "2031-10-25" },
    ]);
    expect(await findPeriod(handle.db, "2031Q3")).toEqual({
      quarter: "2031Q3",
      status: "open",
      deadline: "2031-10-25",
    });
    // Again later the same day, and the next day: nothing more.
    expect(await openDuePeriods(handle.db, beijing("2031-10-01T09:00:00"))).toEqual([]);
    expect(await openDuePeriods(handle.db, beijing("2031-10-02T00:05:00"))).toEqual([]);
    expect(await auditOf("2031Q3")).toEqual([
      {
        actorId: null,
        action: "period.update",
        details: { source: "schedule", from: null, to: { status: "open", deadline: "2031-10-25" } },
      },
    ]);
  });

  it("does nothing before the quarter's last minute is over in Beijing", async () => {
    await previousPeriod("2032Q3", "2032-10-25");
    expect(await openDuePeriods(handle.db, beijing("2032-12-31T23:59:59"))).toEqual([]);
    expect(await findPeriod(handle.db, "2032Q4")).toBeNull();
    expect(await openDuePeriods(handle.db, beijing("2033-01-01T00:00:00"))).toHaveLength(1);
    expect(await findPeriod(handle.db, "2032Q4")).toMatchObject({ status: "open", deadline: "2033-01-25" });
  });

  it("leaves a period an admin set up in advance exactly as it is (re-dated, or closed), without an audit row", async () => {
    await previousPeriod("2033Q2", "2033-07-25");
    await updatePeriod(handle.db, {
      quarter: "2033Q3",
      status: "not_open",
      deadline: "2033-11-05",
      defaultDeadline: "2033-10-25",
      actorId: ADMIN.id,
    });
    await updatePeriod(handle.db, {
      quarter: "2033Q4",
      status: "closed",
      defaultDeadline: "2034-01-25",
      actorId: ADMIN.id,
    });
    expect(await openDuePeriods(handle.db, beijing("2033-10-01T00:05:00"))).toEqual([]);
    expect(await openDuePeriods(handle.db, beijing("2034-01-01T00:05:00"))).toEqual([]);
    expect(await findPeriod(handle.db, "2033Q3")).toEqual({
      quarter: "2033Q3",
      status: "not_open",
      deadline: "2033-11-05",
    });
    expect(await findPeriod(handle.db, "2033Q4")).toEqual({
      quarter: "2033Q4",
      status: "closed",
      deadline: "2034-01-25",
    });
    for (const quarter of ["2033Q3", "2033Q4"]) {
      expect((await auditOf(quarter)).map((row) => row.actorId)).toEqual([ADMIN.id]);
    }
  });

  it("catches up the quarters missed while no worker ran, each with its own deadline", async () => {
    await previousPeriod("2034Q1", "2034-04-25");
    const opened = await openDuePeriods(handle.db, beijing("2035-01-03T10:00:00"));
    expect(opened).toEqual([
      { quarter: "2034Q2", status: "open", deadline: "2034-07-25" },
      { quarter: "2034Q3", status: "open", deadline: "2034-10-25" },
      { quarter: "2034Q4", status: "open", deadline: "2035-01-25" },
    ]);
  });

  it("opens a quarter once when two runs race: one period, one audit row", async () => {
    await previousPeriod("2035Q3", "2035-10-25");
    const now = beijing("2036-01-01T00:05:00");
    const runs = await Promise.all([openDuePeriods(handle.db, now), openDuePeriods(handle.db, now)]);
    expect(runs.flat()).toEqual([{ quarter: "2035Q4", status: "open", deadline: "2036-01-25" }]);
    expect(await auditOf("2035Q4")).toHaveLength(1);
    const periods = await handle.db
      .select()
      .from(reportingPeriods)
      .where(eq(reportingPeriods.quarter, "2035Q4"));
    expect(periods).toHaveLength(1);
  });

  it("shows the period opened by the schedule until an admin opens it again; admins close, reopen and re-date it", async () => {
    await previousPeriod("2036Q2", "2036-07-25");
    await openDuePeriods(handle.db, beijing("2036-10-01T00:05:00"));
    const row = async () =>
      (await listPeriods(handle.db, { limit: 100, offset: 0 })).rows.find(
        (period) => period.quarter === "2036Q3",
      );
    expect(await row()).toMatchObject({ status: "open", deadline: "2036-10-25", openedBySchedule: true });

    // Re-dating keeps it open, and opened by the schedule.
    const admin = { actorId: ADMIN.id, defaultDeadline: "2036-10-25", quarter: "2036Q3" };
    await updatePeriod(handle.db, { ...admin, status: "open", deadline: "2036-11-10" });
    expect(await row()).toMatchObject({ status: "open", deadline: "2036-11-10", openedBySchedule: true });
    await updatePeriod(handle.db, { ...admin, status: "closed" });
    expect(await row()).toMatchObject({ status: "closed", deadline: "2036-11-10" });
    await updatePeriod(handle.db, { ...admin, status: "open" });
    expect(await row()).toMatchObject({ status: "open", deadline: "2036-11-10", openedBySchedule: false });
    // The schedule does not touch it again.
    expect(await openDuePeriods(handle.db, beijing("2036-10-02T00:05:00"))).toEqual([]);
    expect((await auditOf("2036Q3")).map((entry) => entry.actorId)).toEqual([
      null,
      ADMIN.id,
      ADMIN.id,
      ADMIN.id,
    ]);
  });
});
