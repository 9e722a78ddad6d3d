import { ZONE_CODES } from "@zones/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../../client";
import { observations, reportingPeriods, submissions } from "../../schema";
import { seedCatalogue } from "../../seed/catalogue";
import { createTestDatabase, testEngine } from "../../testing";
import { refreshPeerStatistics } from "./peer-statistics";
import { livePercentileHeat, percentileHeat } from "./percentile-heat";

/**
 * Ties in the heat table (the dashboard fixture has none). 2026Q1, every zone approved, five with values:
 *
 *            gdp (higher is better)   urban-unemployment (lower is better)
 *   a        10                       3
 *   b        10                       3.0
 *   c        5.00                     4
 *   d        5                        4
 *   e        1                        6
 */
const [a, b, c, d, e, none] = ZONE_CODES;
const VALUES: [zone: string, gdp: string, unemployment: string][] = [
  [a, "10", "3"],
  [b, "10", "3.0"],
  [c, "5.00", "4"],
  [d, "5", "4"],
  [e, "1", "6"],
];

describe(`percentileHeat with ties (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    const { db } = handle;
    await seedCatalogue(db);
    await db.insert(reportingPeriods).values({ quarter: "2026Q1", status: "closed", deadline: "2030-01-01" });
    await db
      .insert(submissions)
      .values(ZONE_CODES.map((zoneCode) => ({ zoneCode, quarter: "2026Q1", status: "approved" as const })));
    await db.insert(observations).values(
      VALUES.flatMap(([zoneCode, gdp, unemployment]) => [
        { zoneCode, quarter: "2026Q1", indicatorCode: "gdp", value: gdp },
        { zoneCode, quarter: "2026Q1", indicatorCode: "urban-unemployment", value: unemployment },
      ]),
    );
    // Written around the workflow: the stored statistics and percentiles are computed as after a bulk load.
    await refreshPeerStatistics(db, "all");
  });
  afterAll(async () => {
    await handle.close();
  });

  it("gives equal values one shared percentile (percent_rank: the lowest position of the tied group)", async () => {
    const cells = await percentileHeat(handle.db, {
      quarter: "2026Q1",
      includeSubmitted: false,
      zoneCodes: [a, b, c, d, e, none],
      indicatorCodes: ["gdp", "urban-unemployment"],
    });
    const of = (indicatorCode: string) =>
      cells
        .filter((cell) => cell.indicatorCode === indicatorCode)
        .map((cell) => [cell.zoneCode, cell.value, cell.percentile]);
    // Ascending 1 < 5 = 5 < 10 = 10 over five values: positions 0, 1–2, 3–4 → 0, 1/4, 3/4.
    expect(of("gdp")).toEqual([
      [a, 10, 0.75],
      [b, 10, 0.75],
      [c, 5, 0.25],
      [d, 5, 0.25],
      [e, 1, 0],
      [none, null, null],
    ]);
    // Lower is better, ranked negated: 6 worst → 0; 4 = 4 → 1/4; 3 = 3.0 → 3/4.
    expect(of("urban-unemployment")).toEqual([
      [a, 3, 0.75],
      [b, 3, 0.75],
      [c, 4, 0.25],
      [d, 4, 0.25],
      [e, 6, 0],
      [none, null, null],
    ]);
  });

  it("reads the stored percentiles: the same cells as the live window", async () => {
    const params = {
      quarter: "2026Q1",
      includeSubmitted: false,
      zoneCodes: ZONE_CODES,
      indicatorCodes: ["gdp", "urban-unemployment", "gdp-growth"],
    };
    const stored = await percentileHeat(handle.db, params);
    expect(stored.filter((cell) => cell.percentile !== null)).toHaveLength(10);
    expect(stored).toEqual(await livePercentileHeat(handle.db, params));
  });

  it("follows a change of direction: the quarter is ranked again on the next read", async () => {
    const params = { quarter: "2026Q1", includeSubmitted: false, zoneCodes: [a, e], indicatorCodes: ["gdp"] };
    await handle.db.execute(sql`update indicators set direction = 'lower' where code = 'gdp'`);
    try {
      const cells = await percentileHeat(handle.db, params);
      expect(cells.map((cell) => [cell.zoneCode, cell.percentile])).toEqual([
        [a, 0],
        [e, 1],
      ]);
      expect(cells).toEqual(await livePercentileHeat(handle.db, params));
    } finally {
      await handle.db.execute(sql`update indicators set direction = 'higher' where code = 'gdp'`);
    }
  });
});
