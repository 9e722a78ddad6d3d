import { BUILT_IN_ZONES, zonesReportingIn } from "@zones/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../client";
import { updatePeriod } from "../periods";
import { ensurePeerStatistics } from "../queries/dashboard/peer-statistics";
import { rowsOf } from "../rows";
import { auditLog, observations, reportingPeriods, submissions, users } from "../schema";
import { seedCatalogue } from "../seed/catalogue";
import { createTestDatabase, testEngine } from "../testing";
import type { SubmissionActor } from "./actor";
import { findSubmission, loadSubmissionForm } from "./form";
import { completenessGrid, lastSubmittedSnapshots, reviewQueue, valueHistory } from "./review";
import { saveSubmissionDraft } from "./save-draft";
import { transitionSubmission } from "./transitions";

const official: SubmissionActor = { id: "u-official", role: "official", ownsZone: true };
const reviewer: SubmissionActor = { id: "u-reviewer", role: "reviewer", ownsZone: false };
const ZONE = "HB-HS";
const OPEN = "2026Q3";
/** The refusal of a save or step based on a version that is no longer the newest (`staleVersion`). */
const STALE_VERSION = { name: "ZonesError", code: "conflict", key: "submission.stale" };

describe(`reporting workflow in the database (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedCatalogue(handle.db);
    await handle.db.insert(users).values([
      { id: official.id, name: "黄石填报员", email: "o@t.test", role: "official" },
      { id: reviewer.id, name: "审核员", email: "r@t.test", role: "reviewer" },
    ]);
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(async () => {
    // Periods and submissions are rebuilt for each test; the audit log is append-only, so tests count deltas.
    await handle.db.delete(submissions);
    await handle.db.delete(reportingPeriods);
    await handle.db.execute(sql`delete from peer_statistics_stale`);
    await handle.db.insert(reportingPeriods).values([
      { quarter: "2025Q3", status: "closed", deadline: "2025-10-25" },
      { quarter: "2026Q2", status: "closed", deadline: "2026-07-25" },
      { quarter: OPEN, status: "open", deadline: "2999-12-31" },
      { quarter: "2026Q4", status: "not_open", deadline: "2027-01-25" },
    ]);
  });

  /** The peer statistics of gdp in the open quarter, as a dashboard reads them (stale ones recomputed). */
  async function gdpStatistics() {
    await ensurePeerStatistics(handle.db, { from: OPEN, to: OPEN });
    return rowsOf<{ mode: string; zones: number; median: number }>(
      await handle.db.execute(sql`
        select mode, zones, median from peer_statistics
        where indicator_code = 'gdp' and quarter = ${OPEN} order by mode`),
    ).map((row) => ({ ...row, median: Number(row.median) }));
  }

  async function staleQuarters(): Promise<string[]> {
    return rowsOf<{ quarter: string }>(
      await handle.db.execute(sql`select quarter from peer_statistics_stale order by quarter`),
    ).map((row) => row.quarter);
  }

  async function auditCount(): Promise<number> {
    const rows = rowsOf<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from audit_log`),
    );
    return Number(rows[0]?.n);
  }

  function save(
    baseVersion: number,
    values: Record<string, string | null>,
    notes: Record<string, string> = {},
  ) {
    return saveSubmissionDraft(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      baseVersion,
      values,
      notes,
      actor: official,
      source: "form",
    });
  }

  it("a first save creates the draft, stores exact values and writes one audit row per value plus one for the status", async () => {
    const before = await auditCount();
    const result = await save(0, { gdp: "1234.56", "gdp-growth": "5.1" }, { gdp: "初步核算" });
    expect(result).toEqual({ version: 1, changed: 2 });
    expect(await auditCount()).toBe(before + 3);
    const stored = await handle.db.select().from(observations);
    expect(stored.map((row) => [row.indicatorCode, row.value, row.note]).sort()).toEqual([
      ["gdp", "1234.56", "初步核算"],
      ["gdp-growth", "5.1", null],
    ]);
  });

  it("unchanged values change nothing: same version, no audit rows", async () => {
    await save(0, { gdp: "1234.56" });
    const before = await auditCount();
    expect(await save(1, { gdp: "1234.560" })).toEqual({ version: 1, changed: 0 });
    expect(await auditCount()).toBe(before);
  });

  it("clearing a value deletes it and audits old → null", async () => {
    await save(0, { gdp: "1234.56", "gdp-growth": "5.1" });
    const before = await auditCount();
    expect(await save(1, { gdp: null })).toEqual({ version: 2, changed: 1 });
    expect(await auditCount()).toBe(before + 1);
    const [last] = await handle.db.select().from(auditLog).orderBy(sql`id desc`).limit(1);
    expect(last?.details).toMatchObject({ indicatorCode: "gdp", old: "1234.56", new: null });
    const left = await handle.db.select().from(observations);
    expect(left.map((row) => row.indicatorCode)).toEqual(["gdp-growth"]);
  });

  it("two saves based on the same version: exactly one wins, the other is refused and writes nothing", async () => {
    await save(0, { gdp: "100" });
    const before = await auditCount();
    const results = await Promise.allSettled([save(1, { gdp: "200" }), save(1, { gdp: "300" })]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result) => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject(STALE_VERSION);
    const [row] = await handle.db.select().from(observations);
    const winner = (won[0] as PromiseFulfilledResult<{ version: number }>).value;
    expect(winner.version).toBe(2);
    expect(["200", "300"]).toContain(row?.value);
    expect(await auditCount()).toBe(before + 1);
    expect((await findSubmission(handle.db, { zoneCode: ZONE, quarter: OPEN }))?.version).toBe(2);
  });

  it("two first saves of a new submission: one creates it, the other is refused", async () => {
    const results = await Promise.allSettled([save(0, { gdp: "1" }), save(0, { gdp: "2" })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject(STALE_VERSION);
  });

  it("walks draft → submitted → returned → draft → submitted → approved → revised, auditing every step", async () => {
    await save(0, { gdp: "100" });
    const before = await auditCount();
    const submitted = await transitionSubmission(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      action: "submit",
      version: 1,
      actor: official,
    });
    expect(submitted).toMatchObject({ status: "submitted", version: 2, late: false });
    await expect(save(2, { gdp: "101" })).rejects.toMatchObject({ params: { refusal: "already-submitted" } });
    await transitionSubmission(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      action: "return",
      version: 2,
      actor: reviewer,
      comment: "GDP 与统计公报不符",
      reviewNotes: { gdp: "请核对" },
    });
    const returned = await findSubmission(handle.db, { zoneCode: ZONE, quarter: OPEN });
    expect(returned).toMatchObject({ status: "returned", reviewComment: "GDP 与统计公报不符" });
    expect(returned?.reviewNotes).toEqual({ gdp: "请核对" });
    expect(await save(3, { gdp: "110" })).toEqual({ version: 4, changed: 1 });
    expect((await findSubmission(handle.db, { zoneCode: ZONE, quarter: OPEN }))?.status).toBe("draft");
    await transitionSubmission(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      action: "submit",
      version: 4,
      actor: official,
    });
    const snapshots = await lastSubmittedSnapshots(handle.db, { zoneCode: ZONE, quarter: OPEN });
    expect(snapshots.map((snapshot) => snapshot.values.gdp)).toEqual(["110", "100"]);
    await expect(
      transitionSubmission(handle.db, {
        zoneCode: ZONE,
        quarter: OPEN,
        action: "approve",
        version: 4,
        actor: reviewer,
      }),
    ).rejects.toMatchObject(STALE_VERSION);
    expect(await gdpStatistics()).toEqual([]);
    await transitionSubmission(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      action: "approve",
      version: 5,
      actor: reviewer,
    });
    // Approval marks the quarter (and the next, for single quarters) stale in its transaction; the next read
    // recomputes it (no single-quarter value: 2026Q2 has none to derive it from).
    expect(await staleQuarters()).toEqual([OPEN, "2026Q4"]);
    expect(await gdpStatistics()).toEqual([{ mode: "ytd", zones: 1, median: 110 }]);
    expect(await staleQuarters()).toEqual(["2026Q4"]);
    await expect(
      transitionSubmission(handle.db, {
        zoneCode: ZONE,
        quarter: OPEN,
        action: "approve",
        version: 6,
        actor: reviewer,
      }),
    ).rejects.toMatchObject({ params: { refusal: "already-approved" } });
    // Period closes; final GDP arrives: a revision reopens it despite the closed period.
    await updatePeriod(handle.db, {
      quarter: OPEN,
      status: "closed",
      defaultDeadline: "2026-10-25",
      actorId: reviewer.id,
    });
    await transitionSubmission(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      action: "revise",
      version: 6,
      actor: official,
      comment: "最终核实数",
    });
    // Reopened: no longer approved, so out of the statistics again.
    expect(await gdpStatistics()).toEqual([]);
    expect(await save(7, { gdp: "111.5" })).toEqual({ version: 8, changed: 1 });
    const revised = await findSubmission(handle.db, { zoneCode: ZONE, quarter: OPEN });
    expect(revised).toMatchObject({ status: "draft", revision: 1 });
    // submit, return, reopen-draft + value, submit, approve, period, revise, value (revise already made it a draft)
    expect(await auditCount()).toBe(before + 9);
    const history = await valueHistory(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      indicatorCode: "gdp",
      limit: 50,
    });
    const values = history
      .filter((entry) => entry.action === "observation.update")
      .map((entry) => entry.newValue);
    // Newest first; earlier tests of this file left older rows for the same value (the log is append-only).
    expect(values.slice(0, 3)).toEqual(["111.5", "110", "100"]);
    expect(history.find((entry) => entry.action === "submission.return")?.comment).toBe("请核对");
    expect(history.find((entry) => entry.action === "submission.revise")?.comment).toBe("最终核实数");
  });

  it("refuses saves in closed and not-yet-open periods, and to officials of other zones", async () => {
    const saveIn = (quarter: string, actor = official) =>
      saveSubmissionDraft(handle.db, {
        zoneCode: ZONE,
        quarter,
        baseVersion: 0,
        values: { gdp: "1" },
        notes: {},
        actor,
        source: "form",
      });
    await expect(saveIn("2026Q2")).rejects.toMatchObject({ params: { refusal: "period-closed" } });
    await expect(saveIn("2026Q4")).rejects.toMatchObject({ params: { refusal: "period-not-open" } });
    await expect(saveIn(OPEN, { ...official, ownsZone: false })).rejects.toMatchObject({
      params: { action: "save" },
    });
    await expect(saveIn(OPEN, reviewer)).rejects.toMatchObject({ params: { refusal: "role" } });
    expect(await handle.db.select().from(submissions)).toHaveLength(0);
  });

  it("marks a submission after the deadline as late, and shows it in the queue and the grid", async () => {
    await updatePeriod(handle.db, {
      quarter: OPEN,
      status: "open",
      deadline: "2026-10-25",
      defaultDeadline: "2026-10-25",
      actorId: reviewer.id,
    });
    await save(0, { gdp: "100" });
    const result = await transitionSubmission(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      action: "submit",
      version: 1,
      actor: official,
    });
    expect(result.late).toBe(true);
    const queue = await reviewQueue(handle.db, { status: "submitted", limit: 10, offset: 0 });
    expect(queue.total).toBe(1);
    expect(queue.rows[0]).toMatchObject({ zoneCode: ZONE, quarter: OPEN, late: true, valueCount: 1 });
    const grid = await completenessGrid(handle.db, { from: "2026Q2", to: OPEN });
    expect(grid.periods.map((period) => period.quarter)).toEqual(["2026Q2", OPEN]);
    // Every zone of the seeded catalogue reporting in those quarters, both of them.
    expect(grid.cells).toHaveLength(zonesReportingIn({ zones: BUILT_IN_ZONES }, OPEN).length * 2);
    expect(grid.cells.find((cell) => cell.zoneCode === ZONE && cell.quarter === OPEN)).toMatchObject({
      state: "submitted",
      late: true,
    });
    // Not started after the deadline of an open period: late too.
    expect(grid.cells.find((cell) => cell.zoneCode === "NX-NE" && cell.quarter === OPEN)).toMatchObject({
      state: "none",
      late: true,
    });
    expect(grid.periods[1]?.daysLeft).toBeLessThan(0);
    // A draft past the deadline of an open quarter is late too; closing keeps the deadline.
    await handle.db.insert(submissions).values({ zoneCode: "SC-ZG", quarter: OPEN, status: "draft" });
    const again = await completenessGrid(handle.db, { from: OPEN, to: OPEN });
    expect(again.cells.find((cell) => cell.zoneCode === "SC-ZG")).toMatchObject({
      state: "draft",
      late: true,
    });
    const closed = await updatePeriod(handle.db, {
      quarter: OPEN,
      status: "closed",
      defaultDeadline: "2999-01-01",
      actorId: reviewer.id,
    });
    expect(closed.deadline).toBe("2026-10-25");
  });

  it("the form context: previous quarter, same quarter last year, and same-quarter approved history for cumulative indicators", async () => {
    const rows: { quarter: string; gdp: string; unemployment: string }[] = [
      { quarter: "2025Q3", gdp: "900", unemployment: "5.0" },
      { quarter: "2026Q2", gdp: "700", unemployment: "4.0" },
    ];
    for (const row of rows) {
      await handle.db
        .insert(submissions)
        .values({ zoneCode: ZONE, quarter: row.quarter, status: "approved" });
      await handle.db.insert(observations).values([
        { zoneCode: ZONE, quarter: row.quarter, indicatorCode: "gdp", value: row.gdp },
        {
          zoneCode: ZONE,
          quarter: row.quarter,
          indicatorCode: "urban-unemployment",
          value: row.unemployment,
        },
      ]);
    }
    await save(0, { gdp: "1000" });
    const form = await loadSubmissionForm(handle.db, {
      zoneCode: ZONE,
      quarter: OPEN,
      previousQuarter: "2026Q2",
      lastYearQuarter: "2025Q3",
    });
    expect(form.submission?.status).toBe("draft");
    expect(form.period).toEqual({ quarter: OPEN, status: "open", deadline: "2999-12-31" });
    const gdp = form.indicators.find((row) => row.indicatorCode === "gdp");
    expect(gdp).toMatchObject({ value: "1000", previousQuarter: "700", lastYear: "900", historyCount: 1 });
    expect(Number(gdp?.historyMin)).toBe(900);
    const unemployment = form.indicators.find((row) => row.indicatorCode === "urban-unemployment");
    expect(unemployment).toMatchObject({ value: null, historyCount: 2 });
    expect(Number(unemployment?.historyMin)).toBe(4);
    expect(Number(unemployment?.historyMax)).toBe(5);
    expect(form.indicators).toHaveLength(30);
  });
});
