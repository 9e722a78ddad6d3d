import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../../client";
import { migrateDatabase } from "../../migrate";
import { rowsOf } from "../../rows";
import { observations, reportingPeriods, submissions } from "../../schema";
import { seedCatalogue } from "../../seed/catalogue";
import { createTestDatabase, testEngine } from "../../testing";
import { indicatorDistribution } from "./indicator-distribution";
import {
  ensurePeerStatistics,
  markPeerStatisticsStale,
  peerStatisticsMissing,
  quartersAffectedBy,
  refreshPeerStatistics,
} from "./peer-statistics";
import { zoneSeries } from "./zone-series";

describe("quartersAffectedBy", () => {
  it("is the quarter and, for single-quarter values, the next one of the same year", () => {
    expect(quartersAffectedBy("2025Q1")).toEqual(["2025Q1", "2025Q2"]);
    expect(quartersAffectedBy("2025Q3")).toEqual(["2025Q3", "2025Q4"]);
    expect(quartersAffectedBy("2025Q4")).toEqual(["2025Q4"]);
  });
});

/**
 * gdp (year-to-date amount: single quarters derivable) of three zones over 2025Q1–Q3; LN-C's 2025Q2 is
 * only submitted until a test approves it.
 *
 *          2025Q1  2025Q2         2025Q3
 *   HB-HS  100     250            390
 *   SD-ZB  200     420            660
 *   LN-C   300     640 (subm.)    990
 */
describe(`peer statistics (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  const gdp = {
    "HB-HS": ["100", "250", "390"],
    "SD-ZB": ["200", "420", "660"],
    "LN-C": ["300", "640", "990"],
  } as const;
  const QUARTERS = ["2025Q1", "2025Q2", "2025Q3"] as const;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { db } = handle;
    await seedCatalogue(db);
    await db
      .insert(reportingPeriods)
      .values(QUARTERS.map((quarter) => ({ quarter, status: "closed" as const, deadline: "2030-01-01" })));
    const entries = Object.entries(gdp).flatMap(([zoneCode, values]) =>
      QUARTERS.map((quarter, index) => ({ zoneCode, quarter, value: values[index] as string })),
    );
    await db.insert(submissions).values(
      entries.map(({ zoneCode, quarter }) => ({
        zoneCode,
        quarter,
        status: zoneCode === "LN-C" && quarter === "2025Q2" ? ("submitted" as const) : ("approved" as const),
      })),
    );
    await db.insert(observations).values(entries.map((entry) => ({ ...entry, indicatorCode: "gdp" })));
  });
  afterAll(async () => {
    await handle.close();
  });

  async function stored() {
    return rowsOf<{ mode: string; quarter: string; zones: number; min: string; median: number; max: string }>(
      await handle.db.execute(sql`
        select mode, quarter, zones, min::text as min, median, max::text as max from peer_statistics
        where indicator_code = 'gdp' order by mode desc, quarter`),
    ).map((row) => ({ ...row, median: Number(row.median) }));
  }

  it("is missing until computed; migrating a database with approved data fills it", async () => {
    expect(await peerStatisticsMissing(handle.db)).toBe(true);
    await migrateDatabase(handle);
    expect(await peerStatisticsMissing(handle.db)).toBe(false);
    expect(await stored()).toEqual([
      { mode: "ytd", quarter: "2025Q1", zones: 3, min: "100", median: 200, max: "300" },
      { mode: "ytd", quarter: "2025Q2", zones: 2, min: "250", median: 335, max: "420" },
      { mode: "ytd", quarter: "2025Q3", zones: 3, min: "390", median: 660, max: "990" },
      { mode: "single", quarter: "2025Q1", zones: 3, min: "100", median: 200, max: "300" },
      // Single quarters: HB-HS 150, SD-ZB 220 (LN-C's Q2 is not approved).
      { mode: "single", quarter: "2025Q2", zones: 2, min: "150", median: 185, max: "220" },
      // Q3 − Q2: HB-HS 140, SD-ZB 240; LN-C's Q3 single value needs its unapproved Q2.
      { mode: "single", quarter: "2025Q3", zones: 2, min: "140", median: 190, max: "240" },
    ]);
  });

  it("refreshes only the affected quarters: the quarter as reported, and the next single quarter", async () => {
    await refreshPeerStatistics(handle.db, "all");
    const before = rowsOf<{ mode: string; quarter: string; at: string }>(
      await handle.db.execute(sql`
        select mode, quarter, refreshed_at::text as at from peer_statistics where indicator_code = 'gdp'`),
    );
    await handle.db.execute(
      sql`update submissions set status = 'approved' where zone_code = 'LN-C' and quarter = '2025Q2'`,
    );
    await refreshPeerStatistics(handle.db, { quarters: quartersAffectedBy("2025Q2") });
    const after = await stored();
    expect(after.find((row) => row.mode === "ytd" && row.quarter === "2025Q2")).toMatchObject({
      zones: 3,
      median: 420,
      max: "640",
    });
    // LN-C single: Q2 = 340, Q3 = 350.
    expect(after.find((row) => row.mode === "single" && row.quarter === "2025Q2")).toMatchObject({
      zones: 3,
      median: 220,
      max: "340",
    });
    expect(after.find((row) => row.mode === "single" && row.quarter === "2025Q3")).toMatchObject({
      zones: 3,
      median: 240,
      max: "350",
    });
    // Q1 was not touched (same refresh time as before).
    const untouched = rowsOf<{ mode: string; quarter: string; at: string }>(
      await handle.db.execute(sql`
        select mode, quarter, refreshed_at::text as at from peer_statistics
        where indicator_code = 'gdp' and quarter = '2025Q1'`),
    );
    expect(untouched).toEqual(before.filter((row) => row.quarter === "2025Q1"));
  });

  it("leaves out inactive zones, and drops a quarter's row when no active zone has a value", async () => {
    await handle.db.execute(sql`update zones set active = false where code in ('SD-ZB', 'LN-C')`);
    await refreshPeerStatistics(handle.db, "all");
    expect((await stored()).filter((row) => row.mode === "ytd")).toEqual([
      { mode: "ytd", quarter: "2025Q1", zones: 1, min: "100", median: 100, max: "100" },
      { mode: "ytd", quarter: "2025Q2", zones: 1, min: "250", median: 250, max: "250" },
      { mode: "ytd", quarter: "2025Q3", zones: 1, min: "390", median: 390, max: "390" },
    ]);
    await handle.db.execute(sql`update zones set active = false where code = 'HB-HS'`);
    await refreshPeerStatistics(handle.db, { quarters: ["2025Q3"] });
    expect((await stored()).filter((row) => row.quarter === "2025Q3")).toEqual([]);
    await handle.db.execute(sql`update zones set active = true`);
  });

  it("recomputes stale quarters on the next read of their range, once, and only those", async () => {
    await refreshPeerStatistics(handle.db, "all");
    const ytdQ2 = async () => (await stored()).find((row) => row.mode === "ytd" && row.quarter === "2025Q2");
    const before = await ytdQ2();
    // A value changes under an approved submission (as a reopen + re-approval would leave it).
    await handle.db.execute(
      sql`update observations set value = 10000 where zone_code = 'HB-HS' and quarter = '2025Q2'`,
    );
    await markPeerStatisticsStale(handle.db, quartersAffectedBy("2025Q2"));
    await markPeerStatisticsStale(handle.db, ["2025Q2"]); // marking twice is harmless
    expect(await ytdQ2()).toEqual(before);
    // A range without stale quarters leaves them alone.
    await ensurePeerStatistics(handle.db, { from: "2025Q1", to: "2025Q1" });
    expect(await ytdQ2()).toEqual(before);
    // Two readers at once: both see fresh statistics, the work is done once.
    await Promise.all([
      ensurePeerStatistics(handle.db, { from: "2025Q1", to: "2025Q3" }),
      ensurePeerStatistics(handle.db, { from: "2025Q2", to: "2025Q2" }),
    ]);
    expect(await ytdQ2()).toMatchObject({ max: "10000" });

    // The dashboards read through the marks themselves: the zone band and the indicator distribution.
    await handle.db.execute(
      sql`update observations set value = 20000 where zone_code = 'HB-HS' and quarter = '2025Q2'`,
    );
    await markPeerStatisticsStale(handle.db, ["2025Q2"]);
    const distribution = await indicatorDistribution(handle.db, {
      indicatorCode: "gdp",
      from: "2025Q2",
      to: "2025Q2",
      includeSubmitted: false,
    });
    expect(distribution[0]?.max).toBe(20000);
    await handle.db.execute(
      sql`update observations set value = 30000 where zone_code = 'HB-HS' and quarter = '2025Q2'`,
    );
    await markPeerStatisticsStale(handle.db, ["2025Q2"]);
    const band = await zoneSeries(handle.db, {
      zoneCode: "SD-ZB",
      from: "2025Q2",
      to: "2025Q2",
      mode: "ytd",
      includeSubmitted: false,
      indicatorCodes: ["gdp"],
    });
    // Approved 2025Q2 gdp [420, 640, 30000] (LN-C's was approved above): p75 = 640 + 0.5 × (30000 − 640).
    expect(band[0]?.high).toBe(15320);
    const marks = rowsOf<{ quarter: string }>(
      await handle.db.execute(sql`select quarter from peer_statistics_stale`),
    );
    expect(marks).toEqual([]);
    await handle.db.execute(
      sql`update observations set value = 250 where zone_code = 'HB-HS' and quarter = '2025Q2'`,
    );
    await refreshPeerStatistics(handle.db, "all");
  });
});
