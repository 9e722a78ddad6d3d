import { TRPCError } from "@trpc/server";
import type { SessionUser } from "@zones/auth";
import { exportRuns, exportSchedules } from "@zones/db/schema";
import type { TIndicatorCode, TZoneCode } from "@zones/domain";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import type { ZodError } from "zod";

import { createCaller } from "../root";
import { RecordedExportJobs } from "../test-fixtures";
import { useTestWorld } from "../test-world";
import { describeZodError } from "../trpc";

const world = useTestWorld();
const jobs = new RecordedExportJobs();

const as = (user: SessionUser) => world.caller(user, jobs);

const FILTERS = {
  zoneCodes: ["HB-HS", "SD-ZB"] as TZoneCode[],
  indicatorCodes: ["gdp"] as TIndicatorCode[],
  from: "2025Q1",
  to: "2025Q4",
};
const SCHEDULE = {
  ...FILTERS,
  name: "季度 GDP",
  trigger: { kind: "weekly" as const, weekday: 1, hour: 8 },
  quarters: { kind: "recent" as const, count: 4 },
};

async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

async function storedCounts() {
  const [schedules] = await world.handle.db.select({ n: count() }).from(exportSchedules);
  const [runs] = await world.handle.db.select({ n: count() }).from(exportRuns);
  return { schedules: schedules?.n, runs: runs?.n };
}

describe("export schedules", () => {
  it("refuses bad definitions naming the field, and stores nothing", async () => {
    const before = await storedCounts();
    const cases: [Record<string, unknown>, string][] = [
      [{ trigger: { kind: "cron", cron: "61 * * * *" } }, "trigger.cron"],
      [{ zoneCodes: ["XX_YY"] }, "zoneCodes"],
      [{ indicatorCodes: [] }, "indicatorCodes"],
      [{ quarters: { kind: "fixed", from: "2026Q2", to: "2025Q1" } }, "quarters.to"],
      [{ timezone: "Mars/Base" }, "timezone"],
      [{ retention: 0 }, "retention"],
    ];
    for (const [change, field] of cases) {
      const error = await refusal(
        as(world.users.reviewer).exports.schedules.create({ ...SCHEDULE, ...change } as never),
      );
      expect(error.code).toBe("BAD_REQUEST");
      // The message clients see (the error formatter's): each issue names its field.
      expect(describeZodError(error.cause as ZodError)).toMatch(
        new RegExp(`^${field.replace(".", "\\.")}[.:]`),
      );
      expect(describeZodError(error.cause as ZodError)).not.toMatch(/^(\S+): \1:/);
    }
    expect(await storedCounts()).toEqual(before);
  });

  it("refuses a zone or indicator the catalogue does not have, naming the field, and stores nothing", async () => {
    const before = await storedCounts();
    for (const [change, field] of [
      [{ zoneCodes: ["HB-HS", "XX-YY"] }, "zoneCodes"],
      [{ indicatorCodes: ["no-such-indicator"] }, "indicatorCodes"],
    ] as const) {
      const error = await refusal(
        as(world.users.reviewer).exports.schedules.create({ ...SCHEDULE, ...change } as never),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(
        new RegExp(`^${field}: no (zone XX-YY|indicator no-such-indicator) in the catalogue`),
      );
    }
    expect(await storedCounts()).toEqual(before);
  });

  it("saves a reviewer's schedule, describes its next run, and keeps it from other reviewers but not admins", async () => {
    const created = await as(world.users.reviewer).exports.schedules.create(SCHEDULE);
    expect(created).toMatchObject({
      name: "季度 GDP",
      ownerId: world.users.reviewer.id,
      enabled: true,
      stoppedReason: null,
    });
    expect(created.definition?.trigger).toEqual({ kind: "weekly", weekday: 1, hour: 8 });
    // Next Monday 08:00 in Beijing is a Monday 00:00 UTC.
    expect(created.nextDueAt?.getUTCDay()).toBe(1);
    expect(created.nextDueAt?.getUTCHours()).toBe(0);

    const listed = await as(world.users.reviewer).exports.schedules.list({});
    expect(listed.items.map((item) => item.id)).toContain(created.id);
    const other: SessionUser = {
      ...world.users.reviewer,
      id: world.users.admin.id === "x" ? "y" : "someone-else",
    };
    expect((await refusal(as(other).exports.schedules.runNow({ id: created.id }))).code).toBe("NOT_FOUND");
    expect((await as(world.users.admin).exports.schedules.list({})).items.map((item) => item.id)).toContain(
      created.id,
    );

    const paused = await as(world.users.admin).exports.schedules.setEnabled({
      id: created.id,
      enabled: false,
    });
    expect(paused).toMatchObject({ enabled: false, nextDueAt: null });
    const updated = await as(world.users.reviewer).exports.schedules.update({
      id: created.id,
      schedule: { ...SCHEDULE, name: "月度 GDP", trigger: { kind: "monthly", day: 5, hour: 9 } },
    });
    expect(updated).toMatchObject({ name: "月度 GDP", enabled: true });
    const [stored] = await world.handle.db
      .select()
      .from(exportSchedules)
      .where(eq(exportSchedules.id, created.id));
    expect(stored?.cron).toBe("0 9 5 * *");
  });

  it("runs a schedule now: a queued run with its filters resolved, sent to the workers", async () => {
    const schedule = await as(world.users.reviewer).exports.schedules.create({
      ...SCHEDULE,
      name: "now",
      quarters: { kind: "fixed", from: "2025Q3", to: "2025Q4" },
    });
    const run = await as(world.users.reviewer).exports.schedules.runNow({ id: schedule.id });
    expect(run).toMatchObject({
      scheduleId: schedule.id,
      scheduleName: "now",
      status: "queued",
      trigger: "manual",
      format: "csv",
      downloadable: false,
      maxAttempts: 3,
    });
    expect(run.filters).toMatchObject({ from: "2025Q3", to: "2025Q4", indicatorCodes: ["gdp"] });
    expect([...run.filters.zoneCodes].sort()).toEqual(["HB-HS", "SD-ZB"]);
    expect(jobs.enqueued.at(-1)).toBe(run.id);
    expect((await as(world.users.reviewer).exports.runs.get({ id: run.id })).status).toBe("queued");
  });

  it("deleting a schedule keeps its runs", async () => {
    const schedule = await as(world.users.reviewer).exports.schedules.create({ ...SCHEDULE, name: "gone" });
    const run = await as(world.users.reviewer).exports.schedules.runNow({ id: schedule.id });
    expect(await as(world.users.reviewer).exports.schedules.remove({ id: schedule.id })).toEqual({
      deleted: true,
    });
    expect(await as(world.users.reviewer).exports.runs.get({ id: run.id })).toMatchObject({
      scheduleId: null,
    });
  });
});

describe("export runs", () => {
  it("starts a background export, lists it for its requester only, cancels and re-runs it", async () => {
    const run = await as(world.users.viewer).exports.runs.start({ filters: FILTERS, format: "xlsx" });
    expect(run).toMatchObject({ status: "queued", format: "xlsx", requestedBy: world.users.viewer.id });
    expect(jobs.enqueued.at(-1)).toBe(run.id);
    expect((await as(world.users.viewer).exports.runs.list({})).items.map((item) => item.id)).toContain(
      run.id,
    );
    expect((await as(world.users.official).exports.runs.list({})).items.map((item) => item.id)).not.toContain(
      run.id,
    );
    expect((await refusal(as(world.users.official).exports.runs.get({ id: run.id }))).code).toBe("NOT_FOUND");
    expect((await as(world.users.admin).exports.runs.get({ id: run.id })).id).toBe(run.id);

    const cancelled = await as(world.users.viewer).exports.runs.cancel({ id: run.id });
    expect(cancelled.status).toBe("cancelled");
    const again = await as(world.users.viewer).exports.runs.rerun({ id: run.id });
    expect(again).toMatchObject({ status: "queued", trigger: "rerun", rerunOf: run.id, format: "xlsx" });
    expect(jobs.enqueued.at(-1)).toBe(again.id);
  });

  it("refuses an official another zone's unapproved data, naming the field, and records nothing", async () => {
    const before = await storedCounts();
    const error = await refusal(
      as(world.users.official).exports.runs.start({
        filters: { ...FILTERS, statuses: ["approved", "submitted"] },
      }),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/^statuses: .*SD-ZB/);
    expect(await storedCounts()).toEqual(before);
    // Their own zone's submitted data is theirs to export.
    await expect(
      as(world.users.official).exports.runs.start({
        filters: { ...FILTERS, zoneCodes: ["HB-HS"], statuses: ["approved", "submitted"] },
      }),
    ).resolves.toMatchObject({ status: "queued" });
  });

  it("says so when no worker is configured, and records nothing", async () => {
    const before = await storedCounts();
    const caller = createCaller({ ...world.context(world.users.admin), exportJobs: null });
    const error = await refusal(caller.exports.runs.start({ filters: FILTERS }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/npm run worker/);
    expect(await storedCounts()).toEqual(before);
  });
});
