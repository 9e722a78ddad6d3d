import { BUILT_IN_ZONES } from "@zones/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../client";
import { observations, reportingPeriods, submissions } from "../schema";
import { seedCatalogue } from "../seed/catalogue";
import { createTestDatabase, testEngine } from "../testing";
import {
  approvedQuarters,
  headlineValues,
  indicatorRanking,
  latestCompleteQuarter,
  submissionStatusCounts,
} from "./overview";

/** The codes of the catalogue the tests seed (both built-in batches). */
const CATALOGUE_ZONES = BUILT_IN_ZONES.map((zone) => zone.code);

type Status = "draft" | "submitted" | "returned" | "approved";

/**
 * The default quarter of the dashboards and the quarter pickers' lists, both answered by walking the
 * (quarter, status) index newest first: each case below sets up the submissions from scratch.
 */
describe(`dashboard quarters (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  const QUARTERS = ["2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1"];

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedCatalogue(handle.db);
    await handle.db
      .insert(reportingPeriods)
      .values(QUARTERS.map((quarter) => ({ quarter, status: "closed" as const, deadline: "2030-01-01" })));
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(async () => {
    await handle.db.execute(sql`delete from observations`);
    await handle.db.execute(sql`delete from submissions`);
    await handle.db.execute(sql`update zones set active = true`);
  });

  /** Every zone's submission of `quarter` at `status`, except the listed zones' (given their own status). */
  async function quarterAt(quarter: string, status: Status, except: Record<string, Status | "none"> = {}) {
    const rows = CATALOGUE_ZONES.flatMap((zoneCode) => {
      const own = except[zoneCode] ?? status;
      return own === "none" ? [] : [{ zoneCode, quarter, status: own }];
    });
    if (rows.length) await handle.db.insert(submissions).values(rows);
  }

  it("has no quarter when nothing is approved", async () => {
    expect(await latestCompleteQuarter(handle.db)).toBeNull();
    expect(await approvedQuarters(handle.db, { limit: 40 })).toEqual([]);
    await quarterAt("2025Q1", "submitted");
    expect(await latestCompleteQuarter(handle.db)).toBeNull();
    expect(await approvedQuarters(handle.db, { limit: 40 })).toEqual([]);
  });

  it("skips newer quarters where some active zone is not approved, and quarters without approvals", async () => {
    await quarterAt("2025Q1", "approved");
    await quarterAt("2025Q2", "approved", { "HB-HS": "none" });
    // 2025Q3: nothing at all; 2025Q4 complete; 2026Q1: all approved but one returned.
    await quarterAt("2025Q4", "approved");
    await quarterAt("2026Q1", "approved", { "SD-ZB": "returned" });
    expect(await latestCompleteQuarter(handle.db)).toBe("2025Q4");
    expect(await approvedQuarters(handle.db, { limit: 40 })).toEqual([
      "2026Q1",
      "2025Q4",
      "2025Q2",
      "2025Q1",
    ]);
    expect(await approvedQuarters(handle.db, { limit: 2 })).toEqual(["2026Q1", "2025Q4"]);

    await handle.db.execute(sql`delete from submissions where quarter = '2025Q4'`);
    expect(await latestCompleteQuarter(handle.db)).toBe("2025Q1");
  });

  it("counts active zones only: an inactive zone's missing approval does not hold a quarter back", async () => {
    await quarterAt("2025Q1", "approved");
    await quarterAt("2025Q2", "approved", { "SD-ZB": "draft" });
    expect(await latestCompleteQuarter(handle.db)).toBe("2025Q1");
    await handle.db.execute(sql`update zones set active = false where code = 'SD-ZB'`);
    expect(await latestCompleteQuarter(handle.db)).toBe("2025Q2");
    await handle.db.execute(sql`update zones set active = false`);
    expect(await latestCompleteQuarter(handle.db)).toBeNull();
  });

  it("counts a zone only for the quarters it is expected to report: from its first quarter until it retires", async () => {
    await quarterAt("2025Q1", "approved", { "SD-ZB": "none" });
    await quarterAt("2025Q2", "approved");
    await quarterAt("2025Q3", "approved", { "SD-ZB": "none" });
    expect(await latestCompleteQuarter(handle.db)).toBe("2025Q2");
    // Joined in 2025Q2 and retired from 2025Q3: neither 2025Q1 nor 2025Q3 waits for it.
    await handle.db.execute(
      sql`update zones set reports_from = '2025Q2', retired_from = '2025Q3' where code = 'SD-ZB'`,
    );
    expect(await latestCompleteQuarter(handle.db)).toBe("2025Q3");
    expect(await submissionStatusCounts(handle.db, { quarter: "2025Q3" })).toEqual([
      { status: "approved", zones: CATALOGUE_ZONES.length - 1 },
    ]);
    await handle.db.execute(
      sql`update zones set reports_from = '2017Q1', retired_from = null where code = 'SD-ZB'`,
    );
    expect(await latestCompleteQuarter(handle.db)).toBe("2025Q2");
  });

  it("gives the named zones' approved headline values beside last year's, nothing of other zones", async () => {
    await quarterAt("2025Q1", "approved");
    await quarterAt("2026Q1", "approved", { "SD-ZB": "submitted" });
    const value = (zoneCode: string, quarter: string, indicatorCode: string, text: string) => ({
      zoneCode,
      quarter,
      indicatorCode,
      value: text,
    });
    await handle.db
      .insert(observations)
      .values([
        value("HB-HS", "2025Q1", "gdp", "100"),
        value("HB-HS", "2026Q1", "gdp", "110.5"),
        value("HB-HS", "2026Q1", "rd-intensity", "2.1"),
        value("HB-HS", "2026Q1", "pm25", "38"),
        value("SD-ZB", "2026Q1", "gdp", "300"),
        value("LN-C", "2026Q1", "gdp", "200"),
      ]);
    const rows = await headlineValues(handle.db, {
      quarter: "2026Q1",
      lastYearQuarter: "2025Q1",
      zoneCodes: ["HB-HS", "SD-ZB"],
    });
    // SD-ZB's 2026Q1 is only submitted; LN-C is not named; pm25 is not a headline indicator.
    expect(rows.sort((a, b) => a.indicatorCode.localeCompare(b.indicatorCode))).toEqual([
      { zoneCode: "HB-HS", indicatorCode: "gdp", value: "110.5", lastYearValue: "100" },
      { zoneCode: "HB-HS", indicatorCode: "rd-intensity", value: "2.1", lastYearValue: null },
    ]);
    expect(
      await headlineValues(handle.db, { quarter: "2026Q1", lastYearQuarter: "2025Q1", zoneCodes: [] }),
    ).toEqual([]);
  });

  it("gives tied values one shared rank and percentile; the rank after a tie skips (1, 1, 3)", async () => {
    await quarterAt("2025Q1", "approved");
    await quarterAt("2026Q1", "approved");
    // Five zones with values, two pairs of ties ("5.00" and "5" are the same number); the rest have none.
    const [a, b, c, d, e, none] = CATALOGUE_ZONES as [string, string, string, string, string, string];
    const reported: [string, string][] = [
      [a, "10"],
      [b, "10"],
      [c, "5.00"],
      [d, "5"],
      [e, "1"],
    ];
    await handle.db.insert(observations).values(
      reported.map(([zoneCode, value]) => ({
        zoneCode,
        quarter: "2026Q1",
        indicatorCode: "gdp-growth",
        value,
      })),
    );
    const ranking = async (direction: "higher" | "lower") =>
      (
        await indicatorRanking(handle.db, {
          indicatorCode: "gdp-growth",
          quarter: "2026Q1",
          lastYearQuarter: "2025Q1",
          direction,
          zoneCodes: [a, b, c, d, e, none],
        })
      ).map((row) => [row.zoneCode, row.value, row.rank, row.percentile]);
    // Competition ranking ("1224"): tied zones share the best rank of their group, the next one skips.
    // Percentiles are percent_rank's: tied zones share one, that of the lowest position of their group.
    expect(await ranking("higher")).toEqual([
      [a, "10", 1, 0.75],
      [b, "10", 1, 0.75],
      [c, "5.00", 3, 0.25],
      [d, "5", 3, 0.25],
      [e, "1", 5, 0],
      [none, null, null, null],
    ]);
    expect(await ranking("lower")).toEqual([
      [e, "1", 1, 1],
      [c, "5.00", 2, 0.5],
      [d, "5", 2, 0.5],
      [a, "10", 4, 0],
      [b, "10", 4, 0],
      [none, null, null, null],
    ]);
  });

  it("ranks among every active zone and returns the named zones' rows only", async () => {
    await quarterAt("2025Q1", "approved");
    await quarterAt("2026Q1", "approved");
    // Zone k of the catalogue reports k + 1 (last year: k); a higher value is better.
    await handle.db.insert(observations).values(
      CATALOGUE_ZONES.flatMap((zoneCode, k) => [
        { zoneCode, quarter: "2026Q1", indicatorCode: "gdp-growth", value: String(k + 1) },
        { zoneCode, quarter: "2025Q1", indicatorCode: "gdp-growth", value: String(k) },
      ]),
    );
    const last = CATALOGUE_ZONES.length - 1;
    const named = [CATALOGUE_ZONES[last], CATALOGUE_ZONES[0]] as string[];
    const rows = await indicatorRanking(handle.db, {
      indicatorCode: "gdp-growth",
      quarter: "2026Q1",
      lastYearQuarter: "2025Q1",
      direction: "higher",
      zoneCodes: named,
    });
    expect(rows).toEqual([
      { zoneCode: named[0], value: String(last + 1), lastYearValue: String(last), rank: 1, percentile: 1 },
      { zoneCode: named[1], value: "1", lastYearValue: "0", rank: last + 1, percentile: 0 },
    ]);
    // In value order, numerically (12, 2, 1: as text "2" would come before "12").
    const three = await indicatorRanking(handle.db, {
      indicatorCode: "gdp-growth",
      quarter: "2026Q1",
      lastYearQuarter: "2025Q1",
      direction: "higher",
      zoneCodes: [CATALOGUE_ZONES[0], CATALOGUE_ZONES[1], CATALOGUE_ZONES[last]] as string[],
    });
    expect(three.map((row) => row.value)).toEqual([String(last + 1), "2", "1"]);
    // An inactive zone is neither ranked nor returned.
    await handle.db.execute(sql`update zones set active = false where code = ${named[0]}`);
    const without = await indicatorRanking(handle.db, {
      indicatorCode: "gdp-growth",
      quarter: "2026Q1",
      lastYearQuarter: "2025Q1",
      direction: "higher",
      zoneCodes: named,
    });
    expect(without.map((row) => [row.zoneCode, row.rank])).toEqual([[named[1], last]]);
  });
});
