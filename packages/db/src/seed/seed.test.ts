import { INDICATORS, isSingleQuarterDerivable, ZONES } from "@zones/domain";
import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../client";
import { latestCompleteQuarter } from "../queries/overview";
import { getSetting } from "../queries/settings";
import { targetStatuses } from "../queries/targets";
import { rowsOf } from "../rows";
import { evaluationResults, indicators, observations, reportingPeriods, submissions, zones } from "../schema";
import { createTestDatabase, testEngine } from "../testing";
import { seedDatabase } from ".";

const NOW = new Date("2026-11-28T10:00:00+08:00");

describe(`seed (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { now: NOW });
  });
  afterAll(async () => {
    await handle.close();
  });

  async function counts() {
    const [[z], [i], [p], [s], [o], [e]] = await Promise.all([
      handle.db.select({ n: count() }).from(zones),
      handle.db.select({ n: count() }).from(indicators),
      handle.db.select({ n: count() }).from(reportingPeriods),
      handle.db.select({ n: count() }).from(submissions),
      handle.db.select({ n: count() }).from(observations),
      handle.db.select({ n: count() }).from(evaluationResults),
    ]);
    return {
      zones: z?.n,
      indicators: i?.n,
      periods: p?.n,
      submissions: s?.n,
      observations: o?.n,
      evaluationResults: e?.n,
    };
  }

  it("mirrors the catalogue and creates periods from 2017Q1 to the quarter in progress", async () => {
    const seeded = await counts();
    expect(seeded.zones).toBe(ZONES.length);
    expect(seeded.indicators).toBe(INDICATORS.length);
    // 2017Q1..2026Q4 = 40 periods; 2026Q3 open, 2026Q4 not yet open.
    expect(seeded.periods).toBe(40);
    const open = await handle.db.select().from(reportingPeriods).where(sql`status = 'open'`);
    expect(open.map((period) => period.quarter)).toEqual(["2026Q3"]);
    expect(open[0]?.deadline).toBe("2026-10-25");
  });

  it("enters the published 2018 ratings and computes the demo's last full year (2025) as a draft", async () => {
    const rows = rowsOf<{ year: number; source: string; state: string; n: number }>(
      await handle.db.execute(sql`
        select year, source, state, count(*)::int as n from evaluation_results group by 1, 2, 3 order by 1`),
    );
    expect(rows).toEqual([
      { year: 2018, source: "published-history", state: "published", n: 9 },
      { year: 2025, source: "computed", state: "computed", n: ZONES.length },
    ]);
    const rubric = rowsOf<{ year: number; state: string; computed: boolean }>(
      await handle.db.execute(sql`
        select year, state, computed_at is not null as computed from evaluation_rubrics`),
    );
    expect(rubric).toEqual([{ year: 2025, state: "draft", computed: true }]);
  });

  it("seeds demo plan targets that show every progress status", async () => {
    const rows = await targetStatuses(handle.db, { quarter: "2026Q3" });
    expect(new Set(rows.map((row) => row.progress.status))).toEqual(
      new Set(["met", "on-track", "at-risk", "off-track", "no-data"]),
    );
    expect(
      rows.find((row) => row.zoneCode === "HB-HS" && row.indicatorCode === "rd-intensity")?.progress.status,
    ).toBe("on-track");
  });

  it("is idempotent: a second run changes nothing", async () => {
    const before = await counts();
    await seedDatabase(handle.db, { now: NOW });
    expect(await counts()).toEqual(before);
    expect(await getSetting(handle.db, "demo")).toMatchObject({ seededThrough: "2026Q3" });
  });

  it("fills 2017Q1–2026Q2 completely and leaves the open quarter at every workflow step", async () => {
    expect(await latestCompleteQuarter(handle.db)).toBe("2026Q2");
    const statuses = rowsOf<{ status: string; zones: number }>(
      await handle.db.execute(sql`
        select status::text as status, count(*)::int as zones from submissions
        where quarter = '2026Q3' group by 1 order by 1`),
    );
    expect(statuses).toEqual([
      { status: "approved", zones: 7 },
      { status: "draft", zones: 2 },
      { status: "submitted", zones: 2 },
    ]);
  });

  it("keeps every value inside its indicator's valid range", async () => {
    const outside = rowsOf<{ n: number }>(
      await handle.db.execute(sql`
        select count(*)::int as n from observations o join indicators i on i.code = o.indicator_code
        where o.value < i.valid_min or o.value > i.valid_max`),
    );
    expect(outside[0]?.n).toBe(0);
  });

  it("enters annual indicators in Q4 only", async () => {
    const annualOutsideQ4 = rowsOf<{ n: number }>(
      await handle.db.execute(sql`
        select count(*)::int as n from observations o join indicators i on i.code = o.indicator_code
        where i.frequency = 'annual' and right(o.quarter, 1) <> '4'`),
    );
    expect(annualOutsideQ4[0]?.n).toBe(0);
  });

  it("makes cumulative amounts grow within each year (year-to-date)", async () => {
    const derivable = INDICATORS.filter(isSingleQuarterDerivable).map((indicator) => indicator.code);
    expect(derivable).toContain("gdp");
    const decreases = rowsOf<{ n: number }>(
      await handle.db.execute(sql`
        select count(*)::int as n from observations cur
        join observations prev on prev.zone_code = cur.zone_code and prev.indicator_code = cur.indicator_code
         and left(prev.quarter, 4) = left(cur.quarter, 4)
         and right(prev.quarter, 1)::int = right(cur.quarter, 1)::int - 1
        where cur.indicator_code in ${derivable} and cur.value < prev.value`),
    );
    expect(decreases[0]?.n).toBe(0);
  });

  it("puts GDP near the published figures (Zibo Q1–Q3 2023 ≈ 3,454 亿元; Huangshi growth 2018 ≈ 7.8 %)", async () => {
    const rows = rowsOf<{ zone: string; code: string; quarter: string; value: string }>(
      await handle.db.execute(sql`
        select zone_code as zone, indicator_code as code, quarter, value::text as value from observations
        where (zone_code, indicator_code, quarter) in (('SD-ZB', 'gdp', '2023Q3'), ('HB-HS', 'gdp-growth', '2018Q4'))
        order by zone_code`),
    );
    const huangshi = Number(rows.find((row) => row.zone === "HB-HS")?.value);
    const zibo = Number(rows.find((row) => row.zone === "SD-ZB")?.value);
    expect(huangshi).toBeGreaterThan(6.5);
    expect(huangshi).toBeLessThan(9);
    expect(zibo).toBeGreaterThan(3454 * 0.8);
    expect(zibo).toBeLessThan(3454 * 1.2);
  });
});

describe(`seed of a real deployment (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("leaves the quarter in progress without a period, so that it opens by itself when it ends", async () => {
    await seedDatabase(handle.db, { now: NOW, demo: false });
    const periods = await handle.db.select().from(reportingPeriods).orderBy(reportingPeriods.quarter);
    // 2017Q1..2026Q3: the last one open, 2026Q4 left to the daily opening (or an admin).
    expect(periods).toHaveLength(39);
    expect(periods.at(-1)).toMatchObject({ quarter: "2026Q3", status: "open" });
  });
});
