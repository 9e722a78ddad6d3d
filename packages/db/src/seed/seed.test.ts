import {
  BUILT_IN_ZONES,
  INDICATORS,
  isSingleQuarterDerivable,
  SECOND_BATCH_ZONES,
  ZONES,
  zonesReportingIn,
} from "@zones/domain";
import { count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../client";
import { refreshPeerStatistics } from "../queries/dashboard/peer-statistics";
import { latestCompleteQuarter } from "../queries/overview";
import { getSetting, putSetting } from "../queries/settings";
import { targetStatuses } from "../queries/targets";
import { rowsOf } from "../rows";
import {
  evaluationResults,
  indicators,
  memberCities,
  observations,
  reportingPeriods,
  submissions,
  zones,
} from "../schema";
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
    expect(seeded.zones).toBe(BUILT_IN_ZONES.length);
    const [cities] = await handle.db.select({ n: count() }).from(memberCities);
    expect(cities?.n).toBe(BUILT_IN_ZONES.flatMap((zone) => zone.memberCities).length);
    expect(seeded.indicators).toBe(INDICATORS.length);
    // 2017Q1..2026Q4 = 40 periods; 2026Q3 open, 2026Q4 not yet open.
    expect(seeded.periods).toBe(40);
    const open = await handle.db.select().from(reportingPeriods).where(sql`status = 'open'`);
    expect(open.map((period) => period.quarter)).toEqual(["2026Q3"]);
    expect(open[0]?.deadline).toBe("2026-10-25");
  });

  it("enters the published 2018 ratings and computes the demo's last full year (2025) as a draft, its member cities too", async () => {
    const rows = rowsOf<{ year: number; source: string; state: string; city: boolean; n: number }>(
      await handle.db.execute(sql`
        select year, source, state, member_city_code is not null as city, count(*)::int as n
        from evaluation_results group by 1, 2, 3, 4 order by 1, 4`),
    );
    const reporting = zonesReportingIn({ zones: BUILT_IN_ZONES }, "2025Q4");
    expect(rows).toEqual([
      { year: 2018, source: "published-history", state: "published", city: false, n: 9 },
      { year: 2025, source: "computed", state: "computed", city: false, n: reporting.length },
      // Every member city: a single city through its zone's values, the others through their seeded figures.
      {
        year: 2025,
        source: "computed",
        state: "computed",
        city: true,
        n: reporting.flatMap((zone) => zone.memberCities).length,
      },
    ]);
    const figures = rowsOf<{ cities: number }>(
      await handle.db.execute(sql`
        select count(distinct member_city_code)::int as cities from member_city_values where year = 2025`),
    );
    expect(figures[0]?.cities).toBe(
      reporting.filter((zone) => zone.memberCities.length > 1).flatMap((zone) => zone.memberCities).length,
    );
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
    // The first batch as the end-to-end tests know it (HB-HS a draft, NX-NE nothing); the second adds one
    // zone at each step.
    expect(statuses).toEqual([
      { status: "approved", zones: 7 + 4 },
      { status: "draft", zones: 2 + 1 },
      { status: "submitted", zones: 2 + 2 },
    ]);
    const byZone = await openQuarterStatuses(handle);
    expect(byZone.get("HB-HS")).toBe("draft");
    expect(byZone.get("NX-NE")).toBeUndefined();
    expect(byZone.get("GZ-LPS")).toBeUndefined();
  });

  it("gives the second batch values from its first quarter (2019Q4) on, approved in finished quarters", async () => {
    const rows = rowsOf<{ zone: string; first: string; approved: number; quarters: number }>(
      await handle.db.execute(sql`
        select zone_code as zone, min(quarter) as first, count(*)::int as quarters,
               count(*) filter (where status = 'approved' and quarter < '2026Q3')::int as approved
        from submissions where zone_code in ${SECOND_BATCH_ZONES.map((zone) => zone.code)}
        group by 1 order by 1`),
    );
    expect(rows.map((row) => row.zone)).toEqual(SECOND_BATCH_ZONES.map((zone) => zone.code).sort());
    // 2019Q4..2026Q2 = 27 finished quarters, approved; the open 2026Q3 as the demo leaves it (GZ-LPS: nothing).
    for (const row of rows) {
      expect(row.first).toBe("2019Q4");
      expect(row.approved).toBe(27);
      expect(row.quarters).toBe(row.zone === "GZ-LPS" ? 27 : 28);
    }
  });

  it("counts a zone among peers only in the quarters it reports (2019Q3: the first batch; 2020Q1: both)", async () => {
    expect(await peerCount(handle, "2019Q3")).toBe(
      zonesReportingIn({ zones: BUILT_IN_ZONES }, "2019Q3").length,
    );
    expect(await peerCount(handle, "2020Q1")).toBe(
      zonesReportingIn({ zones: BUILT_IN_ZONES }, "2020Q1").length,
    );
    expect([await peerCount(handle, "2019Q3"), await peerCount(handle, "2020Q1")]).toEqual([12, 20]);
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

/** Each zone's submission status in the demo's open quarter (2026Q3 at NOW). */
async function openQuarterStatuses(handle: DatabaseHandle): Promise<Map<string, string>> {
  const rows = await handle.db
    .select({ zone: submissions.zoneCode, status: submissions.status })
    .from(submissions)
    .where(eq(submissions.quarter, "2026Q3"));
  return new Map(rows.map((row) => [row.zone, row.status]));
}

/** How many zones the stored peer statistics of GDP (year to date) count in `quarter`. */
async function peerCount(handle: DatabaseHandle, quarter: string): Promise<number | undefined> {
  const rows = rowsOf<{ zones: number }>(
    await handle.db.execute(sql`
      select zones from peer_statistics where indicator_code = 'gdp' and mode = 'ytd' and quarter = ${quarter}`),
  );
  return rows[0]?.zones;
}

describe(`seed of an installation seeded by the release before the second batch (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  const second = SECOND_BATCH_ZONES.map((zone) => zone.code);
  beforeAll(async () => {
    handle = await createTestDatabase();
    // What the older release left: the first batch only, its demo marker without zones.
    await seedDatabase(handle.db, { now: NOW });
    await handle.db.delete(evaluationResults).where(inArray(evaluationResults.zoneCode, second));
    await handle.db.delete(observations).where(inArray(observations.zoneCode, second));
    await handle.db.delete(submissions).where(inArray(submissions.zoneCode, second));
    await handle.db.delete(memberCities).where(inArray(memberCities.zoneCode, second));
    await handle.db.delete(zones).where(inArray(zones.code, second));
    await putSetting(handle.db, "demo", { seededThrough: "2026Q3", seededAt: NOW.toISOString() });
    await handle.db.execute(sql`delete from peer_statistics`);
    await handle.db.execute(sql`insert into peer_statistics (mode, indicator_code, quarter, zones)
                                values ('ytd', 'gdp', '2020Q1', ${ZONES.length})`);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("adds the eight zones, their cities and their demo values, and keeps what users did since", async () => {
    // A user's work in the older installation: Huangshi's draft got a value the demo never gives.
    await handle.db
      .update(observations)
      .set({ value: "1234.5" })
      .where(sql`zone_code = 'HB-HS' and quarter = '2026Q3' and indicator_code = 'gdp'`);
    const firstBatchBefore = await openQuarterStatuses(handle);
    expect(firstBatchBefore.size).toBe(ZONES.length - 1);

    await seedDatabase(handle.db, { now: NOW });

    const codes = (await handle.db.select({ code: zones.code }).from(zones).orderBy(zones.sortOrder)).map(
      (row) => row.code,
    );
    expect(codes).toEqual(BUILT_IN_ZONES.map((zone) => zone.code));
    const [cities] = await handle.db.select({ n: count() }).from(memberCities);
    expect(cities?.n).toBe(BUILT_IN_ZONES.flatMap((zone) => zone.memberCities).length);
    const after = await openQuarterStatuses(handle);
    for (const [zone, status] of firstBatchBefore) expect(after.get(zone)).toBe(status);
    expect(after.get("JS-XZ")).toBe("approved");
    const [kept] = await handle.db
      .select({ value: observations.value })
      .from(observations)
      .where(sql`zone_code = 'HB-HS' and quarter = '2026Q3' and indicator_code = 'gdp'`);
    expect(Number(kept?.value)).toBe(1234.5);
    expect(await getSetting(handle.db, "demo")).toMatchObject({
      zoneCodes: BUILT_IN_ZONES.map((z) => z.code),
    });
    // The peer statistics are computed again, with the new zones from 2019Q4 on.
    expect([await peerCount(handle, "2019Q3"), await peerCount(handle, "2020Q1")]).toEqual([12, 20]);
  });

  it("counts a zone that reported before its first quarter only from that quarter on", async () => {
    // Values of Daqing for 2019Q3, before its reports_from (2019Q4): kept, but not a peer of that quarter.
    await handle.db
      .insert(submissions)
      .values({ zoneCode: "HL-DQ", quarter: "2019Q3", status: "approved" })
      .onConflictDoNothing();
    await handle.db
      .insert(observations)
      .values({ zoneCode: "HL-DQ", indicatorCode: "gdp", quarter: "2019Q3", value: "2000" })
      .onConflictDoNothing();
    await refreshPeerStatistics(handle.db, "all");
    expect(await peerCount(handle, "2019Q3")).toBe(12);
    await handle.db.update(zones).set({ reportsFrom: "2019Q3" }).where(eq(zones.code, "HL-DQ"));
    await refreshPeerStatistics(handle.db, "all");
    expect(await peerCount(handle, "2019Q3")).toBe(13);
  });

  it("runs again without changing anything", async () => {
    const before = await handle.db.select({ n: count() }).from(observations);
    await seedDatabase(handle.db, { now: NOW });
    expect(await handle.db.select({ n: count() }).from(observations)).toEqual(before);
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
