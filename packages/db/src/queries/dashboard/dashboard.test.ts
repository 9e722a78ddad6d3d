import { BUILT_IN_ZONES, INDICATORS } from "@zones/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../../client";
import { observations, reportingPeriods, submissions } from "../../schema";
import { seedCatalogue } from "../../seed/catalogue";
import { createTestDatabase, testEngine } from "../../testing";
import { compareSeries } from "./compare-series";
import { headlineSparklines } from "./headline-sparklines";
import { indicatorDistribution } from "./indicator-distribution";
import { indicatorTrends } from "./indicator-trends";
import { refreshPeerStatistics } from "./peer-statistics";
import { livePercentileHeat, percentileHeat } from "./percentile-heat";
import { MAX_DASHBOARD_ZONES } from "./values";
import { zoneSeries } from "./zone-series";

/** The codes of the catalogue the tests seed (both built-in batches). */
const CATALOGUE_ZONES = BUILT_IN_ZONES.map((zone) => zone.code);

/** One zone more than a dashboard query names: the whole catalogue, with room to grow. */
const TOO_MANY_ZONES = Array.from({ length: MAX_DASHBOARD_ZONES + 1 }, (_, i) => `Z${i}`);

/**
 * A small hand-made fixture (not the synthetic seed), so that every expected figure below is worked out by
 * hand. Two indicators: `gdp` (year-to-date amount, higher is better, single quarters derivable) and
 * `urban-unemployment` (rate, lower is better, as reported).
 *
 *            gdp (YTD)                                   urban-unemployment
 *            2024Q4  2025Q1  2025Q2        2025Q3        2025Q2      2025Q3
 *   LN-C     400     100.1   210.3 (rev.)  330.6         5.2 (rev.)  5.0
 *   JL-C     800     200     420           650 (subm.)   4.1         4.0 (subm.)
 *   NM-W     1200    300     999 (draft)   900           2.0 (draft) 3.0
 *   HE-TS    1600    400     800           1250          5.8         6.0
 *   SX-CZ    10000   5000    9000          14000         1.5         1.0     ← zone made inactive
 *   AH-TL    –       –       –             5 (returned)  –           0.5 (returned)
 *
 * Everything else is approved; LN-C's 2025Q2 submission was reopened once (revision 1) and approved again.
 */
const QUARTERS = ["2024Q4", "2025Q1", "2025Q2", "2025Q3"] as const;
type Status = "draft" | "submitted" | "returned" | "approved";

const FIXTURE: {
  zone: string;
  quarter: string;
  status: Status;
  revision?: number;
  gdp?: string;
  unemployment?: string;
}[] = [
  { zone: "LN-C", quarter: "2024Q4", status: "approved", gdp: "400" },
  { zone: "LN-C", quarter: "2025Q1", status: "approved", gdp: "100.1" },
  { zone: "LN-C", quarter: "2025Q2", status: "approved", revision: 1, gdp: "210.3", unemployment: "5.2" },
  { zone: "LN-C", quarter: "2025Q3", status: "approved", gdp: "330.6", unemployment: "5.0" },
  { zone: "JL-C", quarter: "2024Q4", status: "approved", gdp: "800" },
  { zone: "JL-C", quarter: "2025Q1", status: "approved", gdp: "200" },
  { zone: "JL-C", quarter: "2025Q2", status: "approved", gdp: "420", unemployment: "4.1" },
  { zone: "JL-C", quarter: "2025Q3", status: "submitted", gdp: "650", unemployment: "4.0" },
  { zone: "NM-W", quarter: "2024Q4", status: "approved", gdp: "1200" },
  { zone: "NM-W", quarter: "2025Q1", status: "approved", gdp: "300" },
  { zone: "NM-W", quarter: "2025Q2", status: "draft", gdp: "999", unemployment: "2.0" },
  { zone: "NM-W", quarter: "2025Q3", status: "approved", gdp: "900", unemployment: "3.0" },
  { zone: "HE-TS", quarter: "2024Q4", status: "approved", gdp: "1600" },
  { zone: "HE-TS", quarter: "2025Q1", status: "approved", gdp: "400" },
  { zone: "HE-TS", quarter: "2025Q2", status: "approved", gdp: "800", unemployment: "5.8" },
  { zone: "HE-TS", quarter: "2025Q3", status: "approved", gdp: "1250", unemployment: "6.0" },
  { zone: "SX-CZ", quarter: "2024Q4", status: "approved", gdp: "10000" },
  { zone: "SX-CZ", quarter: "2025Q1", status: "approved", gdp: "5000" },
  { zone: "SX-CZ", quarter: "2025Q2", status: "approved", gdp: "9000", unemployment: "1.5" },
  { zone: "SX-CZ", quarter: "2025Q3", status: "approved", gdp: "14000", unemployment: "1.0" },
  { zone: "AH-TL", quarter: "2025Q3", status: "returned", gdp: "5", unemployment: "0.5" },
];

const ACTIVE_ZONES = CATALOGUE_ZONES.filter((code) => code !== "SX-CZ");
const HEADLINE_COUNT = INDICATORS.filter((indicator) => indicator.headline).length;
const CATALOGUE = INDICATORS.map((indicator) => indicator.code);
const HEADLINES = INDICATORS.filter((indicator) => indicator.headline).map((indicator) => indicator.code);

/** percentile_cont works in float8: compare at 1e-6. */
function rounded<T>(rows: T[]): T[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row as Record<string, unknown>).map(([key, value]) => [
        key,
        typeof value === "number" ? Math.round(value * 1e6) / 1e6 : value,
      ]),
    ),
  ) as T[];
}

describe(`dashboard queries (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    const { db } = handle;
    await seedCatalogue(db);
    await db.execute(sql`update zones set active = false where code = 'SX-CZ'`);
    await db
      .insert(reportingPeriods)
      .values(QUARTERS.map((quarter) => ({ quarter, status: "closed" as const, deadline: "2030-01-01" })));
    await db.insert(submissions).values(
      FIXTURE.map((row) => ({
        zoneCode: row.zone,
        quarter: row.quarter,
        status: row.status,
        revision: row.revision ?? 0,
      })),
    );
    await db.insert(observations).values(
      FIXTURE.flatMap((row) => [
        ...(row.gdp
          ? [{ zoneCode: row.zone, quarter: row.quarter, indicatorCode: "gdp", value: row.gdp }]
          : []),
        ...(row.unemployment
          ? [
              {
                zoneCode: row.zone,
                quarter: row.quarter,
                indicatorCode: "urban-unemployment",
                value: row.unemployment,
              },
            ]
          : []),
      ]),
    );
    // The fixture is written around the workflow: its stored peer statistics are computed here.
    await refreshPeerStatistics(db, "all");
  });
  afterAll(async () => {
    await handle.close();
  });

  describe("zoneSeries", () => {
    it("covers only the named indicators, in catalogue order, with bands over every active zone", async () => {
      const rows = await zoneSeries(handle.db, {
        zoneCode: "HE-TS",
        from: "2025Q3",
        to: "2025Q3",
        mode: "ytd",
        includeSubmitted: false,
        indicatorCodes: ["urban-unemployment", "gdp"],
      });
      // Catalogue order: gdp first. Approved active 2025Q3 gdp [330.6, 900, 1250]: p25 615.3, median 900,
      // p75 1075; unemployment [5.0, 3.0, 6.0]: p25 4, median 5, p75 5.5.
      expect(
        rounded(rows).map((row) => [row.indicatorCode, row.value, row.low, row.median, row.high]),
      ).toEqual([
        ["gdp", 1250, 615.3, 900, 1075],
        ["urban-unemployment", 6, 4, 5, 5.5],
      ]);
    });

    it("returns every indicator × quarter with the zone's value and the band of the active zones (approved only)", async () => {
      const rows = await zoneSeries(handle.db, {
        zoneCode: "LN-C",
        from: "2024Q4",
        to: "2025Q3",
        mode: "ytd",
        includeSubmitted: false,
        indicatorCodes: CATALOGUE,
      });
      expect(rows).toHaveLength(INDICATORS.length * 4);
      expect(rows.slice(0, 4).map((row) => row.indicatorCode)).toEqual(["gdp", "gdp", "gdp", "gdp"]);
      // Active approved gdp: 2024Q4 [400, 800, 1200, 1600]; 2025Q1 [100.1, 200, 300, 400];
      // 2025Q2 [210.3, 420, 800] (NM-W's draft left out); 2025Q3 [330.6, 900, 1250] (JL-C only submitted).
      expect(rounded(rows.filter((row) => row.indicatorCode === "gdp"))).toEqual([
        {
          indicatorCode: "gdp",
          quarter: "2024Q4",
          value: 400,
          low: 700,
          median: 1000,
          high: 1300,
          revised: false,
          provisional: false,
        },
        {
          indicatorCode: "gdp",
          quarter: "2025Q1",
          value: 100.1,
          low: 175.025,
          median: 250,
          high: 325,
          revised: false,
          provisional: false,
        },
        {
          indicatorCode: "gdp",
          quarter: "2025Q2",
          value: 210.3,
          low: 315.15,
          median: 420,
          high: 610,
          revised: true,
          provisional: false,
        },
        {
          indicatorCode: "gdp",
          quarter: "2025Q3",
          value: 330.6,
          low: 615.3,
          median: 900,
          high: 1075,
          revised: false,
          provisional: false,
        },
      ]);
      // Lower-is-better does not change the band: 2025Q2 [4.1, 5.2, 5.8], 2025Q3 [3.0, 5.0, 6.0].
      expect(rounded(rows.filter((row) => row.indicatorCode === "urban-unemployment"))).toEqual([
        {
          indicatorCode: "urban-unemployment",
          quarter: "2024Q4",
          value: null,
          low: null,
          median: null,
          high: null,
          revised: false,
          provisional: false,
        },
        {
          indicatorCode: "urban-unemployment",
          quarter: "2025Q1",
          value: null,
          low: null,
          median: null,
          high: null,
          revised: false,
          provisional: false,
        },
        {
          indicatorCode: "urban-unemployment",
          quarter: "2025Q2",
          value: 5.2,
          low: 4.65,
          median: 5.2,
          high: 5.5,
          revised: true,
          provisional: false,
        },
        {
          indicatorCode: "urban-unemployment",
          quarter: "2025Q3",
          value: 5,
          low: 4,
          median: 5,
          high: 5.5,
          revised: false,
          provisional: false,
        },
      ]);
      const retail = rows.filter((row) => row.indicatorCode === "retail-sales");
      expect(retail.map((row) => [row.quarter, row.value, row.median])).toEqual([
        ["2024Q4", null, null],
        ["2025Q1", null, null],
        ["2025Q2", null, null],
        ["2025Q3", null, null],
      ]);
    });

    it("with includeSubmitted adds submitted values flagged provisional, never drafts or returned ones", async () => {
      const rows = await zoneSeries(handle.db, {
        zoneCode: "JL-C",
        from: "2025Q2",
        to: "2025Q3",
        mode: "ytd",
        includeSubmitted: true,
        indicatorCodes: CATALOGUE,
      });
      // 2025Q3 [330.6, 650, 900, 1250]: AH-TL's returned 5 left out. 2025Q2 still without NM-W's draft 999.
      expect(rounded(rows.filter((row) => row.indicatorCode === "gdp"))).toEqual([
        {
          indicatorCode: "gdp",
          quarter: "2025Q2",
          value: 420,
          low: 315.15,
          median: 420,
          high: 610,
          revised: false,
          provisional: false,
        },
        {
          indicatorCode: "gdp",
          quarter: "2025Q3",
          value: 650,
          low: 570.15,
          median: 775,
          high: 987.5,
          revised: false,
          provisional: true,
        },
      ]);
      const withoutSubmitted = await zoneSeries(handle.db, {
        zoneCode: "JL-C",
        from: "2025Q3",
        to: "2025Q3",
        mode: "ytd",
        includeSubmitted: false,
        indicatorCodes: CATALOGUE,
      });
      expect(withoutSubmitted.find((row) => row.indicatorCode === "gdp")).toMatchObject({
        value: null,
        median: 900,
        provisional: false,
      });
    });

    it("derives single quarters from year-to-date figures: Q1 as reported, never minus the previous Q4", async () => {
      const rows = await zoneSeries(handle.db, {
        zoneCode: "LN-C",
        from: "2024Q4",
        to: "2025Q3",
        mode: "single",
        includeSubmitted: false,
        indicatorCodes: CATALOGUE,
      });
      // 2024Q4: no 2024Q3 → nothing derivable for anyone. 2025Q1: as reported.
      // 2025Q2: LN 210.3−100.1 = 110.2, JL 420−200 = 220, HE 800−400 = 400 → [110.2, 220, 400].
      // 2025Q3: LN 330.6−210.3 = 120.3, HE 1250−800 = 450; NM-W's 2025Q2 is a draft, so its 900 cannot be
      // split (no 900−300) → [120.3, 450]. Exact numeric subtraction: 110.2, not 110.20000000000002.
      expect(rounded(rows.filter((row) => row.indicatorCode === "gdp"))).toEqual([
        {
          indicatorCode: "gdp",
          quarter: "2024Q4",
          value: null,
          low: null,
          median: null,
          high: null,
          revised: false,
          provisional: false,
        },
        {
          indicatorCode: "gdp",
          quarter: "2025Q1",
          value: 100.1,
          low: 175.025,
          median: 250,
          high: 325,
          revised: false,
          provisional: false,
        },
        {
          indicatorCode: "gdp",
          quarter: "2025Q2",
          value: 110.2,
          low: 165.1,
          median: 220,
          high: 310,
          revised: true,
          provisional: false,
        },
        {
          indicatorCode: "gdp",
          quarter: "2025Q3",
          value: 120.3,
          low: 202.725,
          median: 285.15,
          high: 367.575,
          revised: false,
          provisional: false,
        },
      ]);
      expect(rows.find((row) => row.indicatorCode === "gdp" && row.quarter === "2025Q2")?.value).toBe(110.2);
      // Rates are not derivable: returned as reported.
      expect(
        rows.filter((row) => row.indicatorCode === "urban-unemployment").map((row) => row.value),
      ).toEqual([null, null, 5.2, 5]);
    });

    it("derives a range starting mid-year from the quarters before it, provisional when a submitted value is used", async () => {
      const rows = await zoneSeries(handle.db, {
        zoneCode: "JL-C",
        from: "2025Q3",
        to: "2025Q3",
        mode: "single",
        includeSubmitted: true,
        indicatorCodes: CATALOGUE,
      });
      // JL 650−420 = 230 (submitted) → [120.3, 230, 450].
      expect(rounded(rows.filter((row) => row.indicatorCode === "gdp"))).toEqual([
        {
          indicatorCode: "gdp",
          quarter: "2025Q3",
          value: 230,
          low: 175.15,
          median: 230,
          high: 340,
          revised: false,
          provisional: true,
        },
      ]);
    });

    it("shows an inactive zone's own values but never counts it in the band", async () => {
      const rows = await zoneSeries(handle.db, {
        zoneCode: "SX-CZ",
        from: "2025Q3",
        to: "2025Q3",
        mode: "ytd",
        includeSubmitted: false,
        indicatorCodes: CATALOGUE,
      });
      expect(rounded(rows.filter((row) => row.indicatorCode === "gdp"))).toEqual([
        {
          indicatorCode: "gdp",
          quarter: "2025Q3",
          value: 14000,
          low: 615.3,
          median: 900,
          high: 1075,
          revised: false,
          provisional: false,
        },
      ]);
    });

    it("refuses a reversed range, a range over 40 quarters and a malformed quarter", async () => {
      const base = {
        zoneCode: "LN-C",
        mode: "ytd",
        includeSubmitted: false,
        indicatorCodes: CATALOGUE,
      } as const;
      await expect(
        zoneSeries(handle.db, { ...base, from: "2025Q1", to: "2025Q3", indicatorCodes: [] }),
      ).rejects.toThrow(/indicatorCodes/);
      await expect(zoneSeries(handle.db, { ...base, from: "2025Q3", to: "2025Q1" })).rejects.toThrow(
        RangeError,
      );
      await expect(zoneSeries(handle.db, { ...base, from: "2015Q1", to: "2025Q1" })).rejects.toThrow(
        /41 quarters/,
      );
      await expect(zoneSeries(handle.db, { ...base, from: "2025Q5", to: "2025Q1" })).rejects.toThrow(
        RangeError,
      );
    });
  });

  describe("indicatorDistribution", () => {
    it("gives count, min, quartiles and max of the active zones per quarter, every quarter of the range", async () => {
      const rows = await indicatorDistribution(handle.db, {
        indicatorCode: "gdp",
        from: "2024Q4",
        to: "2025Q4",
        includeSubmitted: false,
      });
      expect(rounded(rows)).toEqual([
        { quarter: "2024Q4", zones: 4, min: 400, p25: 700, median: 1000, p75: 1300, max: 1600 },
        { quarter: "2025Q1", zones: 4, min: 100.1, p25: 175.025, median: 250, p75: 325, max: 400 },
        { quarter: "2025Q2", zones: 3, min: 210.3, p25: 315.15, median: 420, p75: 610, max: 800 },
        { quarter: "2025Q3", zones: 3, min: 330.6, p25: 615.3, median: 900, p75: 1075, max: 1250 },
        { quarter: "2025Q4", zones: 0, min: null, p25: null, median: null, p75: null, max: null },
      ]);
    });

    it("includes submitted values only when asked, and single quarters on request", async () => {
      const [submitted] = await indicatorDistribution(handle.db, {
        indicatorCode: "gdp",
        from: "2025Q3",
        to: "2025Q3",
        includeSubmitted: true,
      });
      expect(rounded([submitted])).toEqual([
        { quarter: "2025Q3", zones: 4, min: 330.6, p25: 570.15, median: 775, p75: 987.5, max: 1250 },
      ]);
      const [single] = await indicatorDistribution(handle.db, {
        indicatorCode: "gdp",
        from: "2025Q2",
        to: "2025Q2",
        includeSubmitted: false,
        mode: "single",
      });
      expect(rounded([single])).toEqual([
        { quarter: "2025Q2", zones: 3, min: 110.2, p25: 165.1, median: 220, p75: 310, max: 400 },
      ]);
    });
  });

  describe("indicatorTrends", () => {
    it("with activeAmong gives the active zones among the page's choices only", async () => {
      const rows = await indicatorTrends(handle.db, {
        indicatorCode: "gdp",
        activeAmong: ["SX-CZ", "JL-C", "LN-C"],
        from: "2025Q3",
        to: "2025Q3",
        includeSubmitted: false,
      });
      // SX-CZ is inactive; catalogue order puts LN-C before JL-C.
      expect(rows.map((row) => [row.zoneCode, row.value])).toEqual([
        ["LN-C", 330.6],
        ["JL-C", null],
      ]);
      await expect(
        indicatorTrends(handle.db, {
          indicatorCode: "gdp",
          activeAmong: [],
          from: "2025Q3",
          to: "2025Q3",
          includeSubmitted: false,
        }),
      ).rejects.toThrow(/activeAmong/);
    });

    it("by default gives every active zone × quarter, dense, with flags", async () => {
      const rows = await indicatorTrends(handle.db, {
        indicatorCode: "gdp",
        from: "2025Q2",
        to: "2025Q3",
        includeSubmitted: false,
      });
      expect(rows).toHaveLength(ACTIVE_ZONES.length * 2);
      expect([...new Set(rows.map((row) => row.zoneCode))]).toEqual(ACTIVE_ZONES);
      expect(rows.slice(0, 8)).toEqual([
        { zoneCode: "LN-C", quarter: "2025Q2", value: 210.3, revised: true, provisional: false },
        { zoneCode: "LN-C", quarter: "2025Q3", value: 330.6, revised: false, provisional: false },
        { zoneCode: "JL-C", quarter: "2025Q2", value: 420, revised: false, provisional: false },
        { zoneCode: "JL-C", quarter: "2025Q3", value: null, revised: false, provisional: false },
        { zoneCode: "NM-W", quarter: "2025Q2", value: null, revised: false, provisional: false },
        { zoneCode: "NM-W", quarter: "2025Q3", value: 900, revised: false, provisional: false },
        { zoneCode: "HE-TS", quarter: "2025Q2", value: 800, revised: false, provisional: false },
        { zoneCode: "HE-TS", quarter: "2025Q3", value: 1250, revised: false, provisional: false },
      ]);
      expect(rows.filter((row) => row.zoneCode === "AH-TL").map((row) => row.value)).toEqual([null, null]);
    });

    it("gives named zones (an inactive one too) and submitted values when asked", async () => {
      const rows = await indicatorTrends(handle.db, {
        indicatorCode: "gdp",
        zoneCodes: ["JL-C", "SX-CZ"],
        from: "2025Q3",
        to: "2025Q3",
        includeSubmitted: true,
      });
      expect(rows).toEqual([
        { zoneCode: "JL-C", quarter: "2025Q3", value: 650, revised: false, provisional: true },
        { zoneCode: "SX-CZ", quarter: "2025Q3", value: 14000, revised: false, provisional: false },
      ]);
      await expect(
        indicatorTrends(handle.db, {
          indicatorCode: "gdp",
          zoneCodes: TOO_MANY_ZONES,
          from: "2025Q3",
          to: "2025Q3",
          includeSubmitted: true,
        }),
      ).rejects.toThrow(RangeError);
    });
  });

  describe("percentileHeat", () => {
    it("returns only the shown zones' and indicators' cells, ranked among every active zone", async () => {
      const cells = await percentileHeat(handle.db, {
        quarter: "2025Q3",
        includeSubmitted: false,
        zoneCodes: ["NM-W", "SX-CZ"],
        indicatorCodes: ["urban-unemployment", "gdp"],
      });
      // SX-CZ is inactive: no cells. NM-W keeps the percentiles it has among LN-C, NM-W and HE-TS.
      expect(cells.map((cell) => [cell.indicatorCode, cell.zoneCode, cell.value, cell.percentile])).toEqual([
        ["gdp", "NM-W", 900, 0.5],
        ["urban-unemployment", "NM-W", 3, 1],
      ]);
      await expect(
        percentileHeat(handle.db, {
          quarter: "2025Q3",
          includeSubmitted: false,
          zoneCodes: TOO_MANY_ZONES,
          indicatorCodes: ["gdp"],
        }),
      ).rejects.toThrow(/zoneCodes/);
    });

    it("ranks every indicator × active zone, 1 = best, inverted for lower-is-better indicators", async () => {
      const cells = await percentileHeat(handle.db, {
        quarter: "2025Q3",
        includeSubmitted: false,
        zoneCodes: CATALOGUE_ZONES,
        indicatorCodes: CATALOGUE,
      });
      expect(cells).toHaveLength(INDICATORS.length * ACTIVE_ZONES.length);
      expect(cells.some((cell) => cell.zoneCode === "SX-CZ")).toBe(false);
      const of = (indicatorCode: string) =>
        Object.fromEntries(
          cells
            .filter((cell) => cell.indicatorCode === indicatorCode && cell.value !== null)
            .map((cell) => [cell.zoneCode, [cell.value, cell.percentile]]),
        );
      // gdp ascending [330.6, 900, 1250] → 0, 0.5, 1 (JL-C submitted, AH-TL returned: no value).
      expect(of("gdp")).toEqual({ "LN-C": [330.6, 0], "NM-W": [900, 0.5], "HE-TS": [1250, 1] });
      // Unemployment, lower is better: 3.0 best → 1, 6.0 worst → 0.
      expect(of("urban-unemployment")).toEqual({ "LN-C": [5, 0.5], "NM-W": [3, 1], "HE-TS": [6, 0] });
      expect(cells.find((cell) => cell.zoneCode === "JL-C" && cell.indicatorCode === "gdp")).toEqual({
        zoneCode: "JL-C",
        indicatorCode: "gdp",
        value: null,
        percentile: null,
        revised: false,
        provisional: false,
      });
    });

    it("reads stored percentiles equal to the live window's in every quarter of the fixture", async () => {
      for (const quarter of QUARTERS) {
        const params = {
          quarter,
          includeSubmitted: false,
          zoneCodes: CATALOGUE_ZONES,
          indicatorCodes: CATALOGUE,
        };
        expect(await percentileHeat(handle.db, params)).toEqual(await livePercentileHeat(handle.db, params));
      }
    });

    it("with submitted values ranks them too: percent_rank of 3rd of 4 = 2/3", async () => {
      const cells = await percentileHeat(handle.db, {
        quarter: "2025Q3",
        includeSubmitted: true,
        zoneCodes: CATALOGUE_ZONES,
        indicatorCodes: CATALOGUE,
      });
      const of = (indicatorCode: string) =>
        Object.fromEntries(
          rounded(cells.filter((cell) => cell.indicatorCode === indicatorCode && cell.value !== null)).map(
            (cell) => [cell.zoneCode, cell.percentile],
          ),
        );
      expect(of("gdp")).toEqual({ "LN-C": 0, "JL-C": 0.333333, "NM-W": 0.666667, "HE-TS": 1 });
      expect(of("urban-unemployment")).toEqual({ "HE-TS": 0, "LN-C": 0.333333, "JL-C": 0.666667, "NM-W": 1 });
      expect(
        cells.find((cell) => cell.zoneCode === "JL-C" && cell.indicatorCode === "gdp")?.provisional,
      ).toBe(true);
      expect(
        cells.find((cell) => cell.zoneCode === "AH-TL" && cell.indicatorCode === "gdp")?.value,
      ).toBeNull();
    });
  });

  describe("headlineSparklines", () => {
    it("reads only the shown zones and indicators; an inactive zone among them gets no line", async () => {
      const rows = await headlineSparklines(handle.db, {
        to: "2025Q3",
        quarters: 2,
        includeSubmitted: false,
        zoneCodes: ["SX-CZ", "JL-C"],
        indicatorCodes: ["gdp"],
      });
      expect(rows.map((row) => [row.zoneCode, row.indicatorCode, row.quarter, row.value])).toEqual([
        ["JL-C", "gdp", "2025Q2", 420],
        ["JL-C", "gdp", "2025Q3", null],
      ]);
    });

    it("gives the last N quarters of every headline indicator of every active zone, dense", async () => {
      const rows = await headlineSparklines(handle.db, {
        to: "2025Q3",
        quarters: 4,
        includeSubmitted: false,
        zoneCodes: CATALOGUE_ZONES,
        indicatorCodes: HEADLINES,
      });
      expect(rows).toHaveLength(ACTIVE_ZONES.length * HEADLINE_COUNT * 4);
      expect(rows.some((row) => row.zoneCode === "SX-CZ")).toBe(false);
      const line = (zoneCode: string, indicatorCode: string) =>
        rows
          .filter((row) => row.zoneCode === zoneCode && row.indicatorCode === indicatorCode)
          .map((row) => [row.quarter, row.value]);
      expect(line("LN-C", "gdp")).toEqual([
        ["2024Q4", 400],
        ["2025Q1", 100.1],
        ["2025Q2", 210.3],
        ["2025Q3", 330.6],
      ]);
      expect(line("JL-C", "gdp").map(([, value]) => value)).toEqual([800, 200, 420, null]);
      expect(line("NM-W", "urban-unemployment").map(([, value]) => value)).toEqual([null, null, null, 3]);
      await expect(
        headlineSparklines(handle.db, {
          to: "2025Q3",
          quarters: 41,
          includeSubmitted: false,
          zoneCodes: CATALOGUE_ZONES,
          indicatorCodes: HEADLINES,
        }),
      ).rejects.toThrow(RangeError);
    });
  });

  describe("compareSeries", () => {
    it("puts 2–4 zones side by side on the same derived values as zoneSeries", async () => {
      const rows = await compareSeries(handle.db, {
        zoneCodes: ["HE-TS", "LN-C"],
        indicatorCodes: ["urban-unemployment", "gdp"],
        from: "2025Q1",
        to: "2025Q3",
        mode: "single",
        includeSubmitted: false,
      });
      expect(
        rows.map((row) => [row.indicatorCode, row.zoneCode, row.quarter, row.value, row.revised]),
      ).toEqual([
        ["gdp", "LN-C", "2025Q1", 100.1, false],
        ["gdp", "LN-C", "2025Q2", 110.2, true],
        ["gdp", "LN-C", "2025Q3", 120.3, false],
        ["gdp", "HE-TS", "2025Q1", 400, false],
        ["gdp", "HE-TS", "2025Q2", 400, false],
        ["gdp", "HE-TS", "2025Q3", 450, false],
        ["urban-unemployment", "LN-C", "2025Q1", null, false],
        ["urban-unemployment", "LN-C", "2025Q2", 5.2, true],
        ["urban-unemployment", "LN-C", "2025Q3", 5, false],
        ["urban-unemployment", "HE-TS", "2025Q1", null, false],
        ["urban-unemployment", "HE-TS", "2025Q2", 5.8, false],
        ["urban-unemployment", "HE-TS", "2025Q3", 6, false],
      ]);
    });

    it("flags submitted values provisional, includes a named inactive zone, and bounds its lists", async () => {
      const rows = await compareSeries(handle.db, {
        zoneCodes: ["JL-C", "SX-CZ"],
        indicatorCodes: ["gdp"],
        from: "2025Q2",
        to: "2025Q3",
        mode: "single",
        includeSubmitted: true,
      });
      expect(rows.map((row) => [row.zoneCode, row.quarter, row.value, row.provisional])).toEqual([
        ["JL-C", "2025Q2", 220, false],
        ["JL-C", "2025Q3", 230, true],
        ["SX-CZ", "2025Q2", 4000, false],
        ["SX-CZ", "2025Q3", 5000, false],
      ]);
      const base = {
        indicatorCodes: ["gdp"],
        from: "2025Q2",
        to: "2025Q3",
        mode: "ytd",
        includeSubmitted: false,
      } as const;
      await expect(compareSeries(handle.db, { ...base, zoneCodes: ["LN-C"] })).rejects.toThrow(/zoneCodes/);
      await expect(
        compareSeries(handle.db, { ...base, zoneCodes: ["LN-C", "JL-C", "NM-W", "HE-TS", "AH-TL"] }),
      ).rejects.toThrow(/zoneCodes/);
      await expect(
        compareSeries(handle.db, {
          ...base,
          zoneCodes: ["LN-C", "JL-C"],
          indicatorCodes: INDICATORS.slice(0, 13).map((indicator) => indicator.code),
        }),
      ).rejects.toThrow(/indicatorCodes/);
    });
  });
});
