import { TRPCError } from "@trpc/server";
import type { Role, SessionUser } from "@zones/auth";
import { type DatabaseHandle, rowsOf } from "@zones/db/client";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase, testEngine } from "@zones/db/testing";
import { BUILT_IN_ZONES } from "@zones/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCaller } from "../root";
import { contextFor, createRoleUsers, testAuth } from "../test-fixtures";

const NOW = new Date("2026-11-28T10:00:00+08:00");
const OPEN = "2026Q3";
const ZONE = "HB-HS";
const KEY = { zoneCode: ZONE, quarter: OPEN } as const;

type Status = "none" | "draft" | "submitted" | "returned" | "approved";
type Action = "save" | "submit" | "approve" | "return" | "revise";
type Who = "viewer" | "official" | "foreign-official" | "reviewer" | "admin";
type Outcome = "ok" | "FORBIDDEN" | "CONFLICT";

/**
 * The workflow written out by hand, independent of the domain's `checkTransition`: who may take each
 * step from each status of an open period.
 */
function expected(action: Action, status: Status, who: Who): Outcome {
  const writer = who === "official" || who === "admin";
  const reviewer = who === "reviewer" || who === "admin";
  switch (action) {
    case "save":
      if (!writer) return "FORBIDDEN";
      return status === "submitted" || status === "approved" ? "CONFLICT" : "ok";
    case "submit":
      if (!writer) return "FORBIDDEN";
      return status === "draft" || status === "returned" ? "ok" : "CONFLICT";
    case "revise":
      if (!writer) return "FORBIDDEN";
      return status === "approved" ? "ok" : "CONFLICT";
    case "approve":
    case "return":
      if (!reviewer) return "FORBIDDEN";
      return status === "submitted" ? "ok" : "CONFLICT";
  }
}

describe(`submission workflow through the API (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  let users: Record<Role, SessionUser>;
  let auth: ReturnType<typeof testAuth>;
  let foreignOfficial: SessionUser;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { now: NOW });
    auth = testAuth(handle.db);
    users = await createRoleUsers(auth, handle.db);
    foreignOfficial = { ...users.official, zoneCodes: ["SD-ZB"] };
  });
  afterAll(async () => {
    await handle.close();
  });

  function callerOf(who: Who, locale: "zh-CN" | "en" = "zh-CN") {
    const user = who === "foreign-official" ? foreignOfficial : users[who];
    return createCaller({ ...contextFor(handle.db, auth, user), locale });
  }

  /**
   * HB-HS 2026Q3 in the given status with a complete, valid set of values: last year's figures, each with
   * an explanation so that no soft warning blocks submitting.
   */
  async function resetSubmission(status: Status): Promise<number> {
    await handle.db.execute(sql`delete from submissions where zone_code = ${ZONE} and quarter = ${OPEN}`);
    if (status === "none") return 0;
    await handle.db.execute(sql`
      insert into submissions (zone_code, quarter, status, version) values (${ZONE}, ${OPEN}, ${status}, 5)`);
    await handle.db.execute(sql`
      insert into observations (zone_code, indicator_code, quarter, value, note)
      select zone_code, indicator_code, ${OPEN}, value, '与上年同期持平'
      from observations where zone_code = ${ZONE} and quarter = '2025Q3'`);
    return 5;
  }

  function act(who: Who, action: Action, version: number) {
    const caller = callerOf(who);
    switch (action) {
      case "save":
        return caller.submission.save({ ...KEY, baseVersion: version, values: { "gdp-growth": "5.5" } });
      case "submit":
        return caller.submission.submit({ ...KEY, version });
      case "approve":
        return caller.submission.approve({ ...KEY, version });
      case "return":
        return caller.submission.return({ ...KEY, version, comment: "请核对" });
      case "revise":
        return caller.submission.revise({ ...KEY, version, reason: "终核数" });
    }
  }

  const STATUSES: Status[] = ["none", "draft", "submitted", "returned", "approved"];
  const ACTIONS: Action[] = ["save", "submit", "approve", "return", "revise"];
  const WHO: Who[] = ["viewer", "official", "foreign-official", "reviewer", "admin"];
  const cases = STATUSES.flatMap((status) =>
    ACTIONS.flatMap((action) =>
      WHO.map((who) => [action, status, who, expected(action, status, who)] as const),
    ),
  );

  it.each(cases)("%s from %s by %s → %s", async (action, status, who, outcome) => {
    const version = await resetSubmission(status);
    const before = rowsOf<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from audit_log`),
    );
    const result = await act(who, action, version).then(
      () => "ok" as const,
      (error: unknown) => {
        if (error instanceof TRPCError) return error.code;
        throw error;
      },
    );
    expect(result).toBe(outcome);
    const after = rowsOf<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from audit_log`),
    );
    // A refused step writes nothing; a taken one writes at least one audit row.
    if (outcome === "ok") expect(Number(after[0]?.n)).toBeGreaterThan(Number(before[0]?.n));
    else expect(Number(after[0]?.n)).toBe(Number(before[0]?.n));
  });

  it("refuses to submit with a required value missing or an unexplained warning, naming the field in the caller's language", async () => {
    const version = await resetSubmission("draft");
    await handle.db.execute(
      sql`delete from observations where zone_code = ${ZONE} and quarter = ${OPEN} and indicator_code = 'retail-sales'`,
    );
    const zh = await callerOf("official")
      .submission.submit({ ...KEY, version })
      .catch((error: TRPCError) => error);
    expect(zh).toBeInstanceOf(TRPCError);
    expect((zh as TRPCError).code).toBe("BAD_REQUEST");
    expect((zh as TRPCError).message).toContain("社会消费品零售总额");
    const en = await callerOf("official", "en")
      .submission.submit({ ...KEY, version })
      .catch((error: TRPCError) => error);
    expect((en as TRPCError).message).toContain("Retail sales");
    // A GDP far above last year without an explanation: a soft rule that needs 上报说明.
    await resetSubmission("draft");
    const saved = await callerOf("official").submission.save({
      ...KEY,
      baseVersion: 5,
      values: { gdp: "99999" },
      notes: { gdp: "" },
    });
    const refused = await callerOf("official")
      .submission.submit({ ...KEY, version: saved.version })
      .catch((error: TRPCError) => error);
    expect((refused as TRPCError).code).toBe("BAD_REQUEST");
    expect((refused as TRPCError).message).toContain("地区生产总值");
    const explained = await callerOf("official").submission.save({
      ...KEY,
      baseVersion: saved.version,
      values: {},
      notes: { gdp: "新增大型项目投产" },
    });
    await expect(
      callerOf("official").submission.submit({ ...KEY, version: explained.version }),
    ).resolves.toMatchObject({ status: "submitted", late: true });
  });

  it("a draft save refuses what cannot be stored as typed, and understands full-width digits and separators", async () => {
    await resetSubmission("draft");
    const official = callerOf("official");
    await expect(
      official.submission.save({
        ...KEY,
        baseVersion: 5,
        values: { gdp: "abc", "urban-unemployment": "120" },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const refused = await official.submission
      .save({ ...KEY, baseVersion: 5, values: { "urban-unemployment": "120" } })
      .catch((error: TRPCError) => error);
    expect((refused as TRPCError).message).toContain("城镇登记失业率");
    const saved = await official.submission.save({
      ...KEY,
      baseVersion: 5,
      values: { gdp: "１，２３４．５", "urban-unemployment": " 5.2% " },
    });
    expect(saved).toMatchObject({ version: 6, changed: 2 });
    const rows = rowsOf<{ indicator_code: string; value: string }>(
      await handle.db.execute(sql`
        select indicator_code, value::text as value from observations
        where zone_code = ${ZONE} and quarter = ${OPEN} and indicator_code in ('gdp', 'urban-unemployment')
        order by indicator_code`),
    );
    expect(rows.map((row) => [row.indicator_code, Number(row.value)])).toEqual([
      ["gdp", 1234.5],
      ["urban-unemployment", 5.2],
    ]);
    await expect(
      official.submission.save({ ...KEY, baseVersion: 6, values: { gdp: "12,34" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      official.submission.save({ ...KEY, baseVersion: 6, values: { "manufacturing-share": "30" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a stale save is refused with CONFLICT and a message; the newer values stay", async () => {
    await resetSubmission("draft");
    const official = callerOf("official");
    const admin = callerOf("admin");
    await admin.submission.save({ ...KEY, baseVersion: 5, values: { gdp: "2000" } });
    const stale = await official.submission
      .save({ ...KEY, baseVersion: 5, values: { gdp: "1999" } })
      .catch((error: TRPCError) => error);
    expect((stale as TRPCError).code).toBe("CONFLICT");
    expect((stale as TRPCError).message).toContain("第 6 版");
    const form = await official.submission.form(KEY);
    expect(form.indicators.find((row) => row.indicatorCode === "gdp")?.value).toBe("2000");
    expect(form.submission?.version).toBe(6);
  });

  it("the form shows the lock, the reviewer's notes, the warnings and the changes since the last submission", async () => {
    const version = await resetSubmission("draft");
    const official = callerOf("official");
    const reviewer = callerOf("reviewer");
    await official.submission.submit({ ...KEY, version });
    const locked = await official.submission.form(KEY);
    expect(locked.lock).toBe("submitted");
    expect(locked.lockMessage).toBeTruthy();
    expect(locked.actions).toMatchObject({ save: false, submit: false, approve: false });
    const reviewView = await reviewer.submission.form(KEY);
    expect(reviewView.actions).toMatchObject({ approve: true, return: true, save: false });
    await reviewer.submission.return({
      ...KEY,
      version: version + 1,
      comment: "GDP 与快报不一致",
      notes: { gdp: "请按统计快报填写" },
    });
    const returned = await official.submission.form(KEY);
    expect(returned.lock).toBeNull();
    expect(returned.submission?.reviewNotes).toEqual({ gdp: "请按统计快报填写" });
    expect(returned.submission?.reviewComment).toBe("GDP 与快报不一致");
    const saved = await official.submission.save({
      ...KEY,
      baseVersion: version + 2,
      values: { gdp: "9999.5" },
    });
    await official.submission.submit({ ...KEY, version: saved.version });
    const second = await reviewer.submission.form(KEY);
    expect(second.changes).toEqual([{ indicatorCode: "gdp", before: expect.any(String), after: "9999.5" }]);
    expect(second.issues.some((issue) => issue.rule === "yoy-change" && issue.explained)).toBe(true);
    const history = await official.submission.history({ ...KEY, indicatorCode: "gdp" });
    expect(history[0]).toMatchObject({ action: "submission.submit" });
    expect(history.find((entry) => entry.action === "observation.update")?.newValue).toBe("9999.5");
  });

  it("approved data needs a revision with a reason; the queue and the grid follow", async () => {
    const version = await resetSubmission("submitted");
    const reviewer = callerOf("reviewer");
    await reviewer.submission.approve({ ...KEY, version, comment: "通过" });
    const official = callerOf("official");
    await expect(
      official.submission.save({ ...KEY, baseVersion: version + 1, values: { gdp: "1" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      official.submission.revise({ ...KEY, version: version + 1, reason: "  " }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await official.submission.revise({ ...KEY, version: version + 1, reason: "地区生产总值最终核实" });
    const form = await official.submission.form(KEY);
    expect(form.submission).toMatchObject({ status: "draft", revision: 1 });
    const queue = await reviewer.submission.queue({ quarter: OPEN, status: "submitted" });
    // The demo's submitted zones of the open quarter: two of each batch.
    expect(queue.rows.map((row) => row.zoneCode).sort()).toEqual(["CQ-M", "HA-W", "HN-C", "JX-PX"]);
    const grid = await official.submission.completeness({});
    expect(new Set(grid.cells.map((cell) => cell.zoneCode))).toEqual(new Set([ZONE]));
    expect(grid.cells.find((cell) => cell.quarter === OPEN)).toMatchObject({ state: "draft" });
    const all = await reviewer.submission.completeness({});
    expect(all.cells).toHaveLength(BUILT_IN_ZONES.length * 8);
    expect(all.periods.at(-1)).toMatchObject({ quarter: OPEN, status: "open", deadline: "2026-10-25" });
  });

  it("admins open and close periods; a closed period refuses saves", async () => {
    await resetSubmission("draft");
    const admin = callerOf("admin");
    await admin.period.update({ quarter: OPEN, status: "closed" });
    await expect(
      callerOf("official").submission.save({ ...KEY, baseVersion: 5, values: { gdp: "1" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const form = await callerOf("official").submission.form(KEY);
    expect(form.lock).toBe("period-closed");
    await admin.period.update({ quarter: OPEN, status: "open", deadline: "2026-10-25" });
    await expect(
      admin.period.update({ quarter: OPEN, status: "open", deadline: "2026-02-30" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const periods = await admin.period.list({});
    expect(periods.rows.find((row) => row.quarter === OPEN)).toMatchObject({
      status: "open",
      deadline: "2026-10-25",
      openedBySchedule: false,
    });
  });
});
