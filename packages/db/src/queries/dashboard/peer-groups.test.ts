import { BUILT_IN_ZONES, type PeerGroup } from "@zones/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../../client";
import { observations, reportingPeriods, submissions } from "../../schema";
import { seedCatalogue } from "../../seed/catalogue";
import { createTestDatabase, testEngine } from "../../testing";
import { indicatorRanking } from "../overview";
import { indicatorDistribution } from "./indicator-distribution";
import { peerGroupChoices } from "./peer-groups";
import { refreshPeerStatistics } from "./peer-statistics";
import { percentileHeat } from "./percentile-heat";
import { zoneSeries } from "./zone-series";

/**
 * Peer groups on a hand-made fixture: `gdp` (year-to-date, higher is better), every submission approved.
 * The seeded catalogue's groups: central = SX-CZ, AH-TL, HB-HS, HN-C; resource-based = NM-W, HE-TS, SX-CZ,
 * AH-TL, HB-HS (and SC-ZG, NX-NE and the second batch's zones, without values here). HN-C joins mid-series: it reports from 2026Q2, so its
 * 2026Q1 value (loaded anyway) counts nowhere.
 *
 *            region     type        2026Q1  2026Q2
 *   LN-C     northeast  old-ind.    100     210
 *   JL-C     northeast  old-ind.    200     420
 *   NM-W     west       resource    300     650
 *   HE-TS    east       resource    400     800
 *   SX-CZ    central    resource     50     110
 *   AH-TL    central    resource    150     300
 *   HB-HS    central    resource    250     520
 *   HN-C     central    old-ind.    350     700   ← reports from 2026Q2
 *
 * By hand (percentile_cont, linear between ranks):
 * - central 2026Q1 [50, 150, 250]: p25 100, median 150, p75 200; 2026Q2 [110, 300, 520, 700]: p25 252.5,
 *   median 410, p75 565.
 * - every zone 2026Q1 [50, 100, 150, 200, 250, 300, 400] (HN-C out): p25 125, median 200, p75 275.
 * - resource-based 2026Q1 [50, 150, 250, 300, 400]: p25 150, median 250, p75 300.
 */
const VALUES: [zone: string, q1: string, q2: string][] = [
  ["LN-C", "100", "210"],
  ["JL-C", "200", "420"],
  ["NM-W", "300", "650"],
  ["HE-TS", "400", "800"],
  ["SX-CZ", "50", "110"],
  ["AH-TL", "150", "300"],
  ["HB-HS", "250", "520"],
  ["HN-C", "350", "700"],
];
const CENTRAL: PeerGroup = { kind: "region", region: "central" };
const RESOURCE: PeerGroup = { kind: "type", cityType: "resource-based" };
const ALL_CATALOGUE = VALUES.map(([zone]) => zone);

describe(`peer groups (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    const { db } = handle;
    await seedCatalogue(db);
    await db.execute(sql`update zones set reports_from = '2026Q2' where code = 'HN-C'`);
    await db.insert(reportingPeriods).values([
      { quarter: "2026Q1", status: "closed", deadline: "2030-01-01" },
      { quarter: "2026Q2", status: "closed", deadline: "2030-01-01" },
    ]);
    const quarters = ["2026Q1", "2026Q2"];
    await db
      .insert(submissions)
      .values(
        VALUES.flatMap(([zoneCode]) =>
          quarters.map((quarter) => ({ zoneCode, quarter, status: "approved" as const })),
        ),
      );
    await db.insert(observations).values(
      VALUES.flatMap(([zoneCode, q1, q2]) => [
        { zoneCode, quarter: "2026Q1", indicatorCode: "gdp", value: q1 },
        { zoneCode, quarter: "2026Q2", indicatorCode: "gdp", value: q2 },
      ]),
    );
    // Written around the workflow: the stored statistics are computed as after a bulk load.
    await refreshPeerStatistics(db, "all");
  });
  afterAll(async () => {
    await handle.close();
  });

  async function band(peers: PeerGroup | undefined, includeSubmitted = false) {
    const rows = await zoneSeries(handle.db, {
      zoneCode: "HB-HS",
      from: "2026Q1",
      to: "2026Q2",
      mode: "ytd",
      includeSubmitted,
      indicatorCodes: ["gdp"],
      ...(peers && { peers }),
    });
    return rows.map(({ quarter, value, low, median, high }) => [quarter, value, low, median, high]);
  }

  it("a group's band is the hand-computed spread of its zones, each counted from its reports_from", async () => {
    expect(await band(CENTRAL)).toEqual([
      ["2026Q1", 250, 100, 150, 200],
      ["2026Q2", 520, 252.5, 410, 565],
    ]);
    expect(await band(RESOURCE)).toEqual([
      ["2026Q1", 250, 150, 250, 300],
      ["2026Q2", 520, 300, 520, 650],
    ]);
  });

  it("every zone's band (stored) differs from the group's and leaves out a zone before it reports", async () => {
    const all = await band(undefined);
    expect(all[0]).toEqual(["2026Q1", 250, 125, 200, 275]);
    expect(all).not.toEqual(await band(CENTRAL));
    // The live computation (with submitted values) agrees with the stored one.
    expect(await band({ kind: "all" }, true)).toEqual(all);
  });

  it("the distribution counts the group's zones reporting in each quarter", async () => {
    const rows = await indicatorDistribution(handle.db, {
      indicatorCode: "gdp",
      from: "2026Q1",
      to: "2026Q2",
      includeSubmitted: false,
      peers: CENTRAL,
    });
    expect(rows.map(({ quarter, zones, min, median, max }) => [quarter, zones, min, median, max])).toEqual([
      ["2026Q1", 3, 50, 150, 250],
      ["2026Q2", 4, 110, 410, 700],
    ]);
  });

  it("ranks among the group and lists only its zones; a zone not yet reporting is shown unranked", async () => {
    const ranking = (peers?: PeerGroup) =>
      indicatorRanking(handle.db, {
        indicatorCode: "gdp",
        quarter: "2026Q1",
        lastYearQuarter: "2025Q1",
        direction: "higher",
        zoneCodes: ALL_CATALOGUE,
        ...(peers && { peers }),
      }).then((rows) =>
        rows.map(({ zoneCode, value, rank, percentile }) => [zoneCode, value, rank, percentile]),
      );
    expect(await ranking(CENTRAL)).toEqual([
      ["HB-HS", "250", 1, 1],
      ["AH-TL", "150", 2, 0.5],
      ["SX-CZ", "50", 3, 0],
      ["HN-C", "350", null, null],
    ]);
    expect((await ranking(RESOURCE)).map(([zone, , rank]) => [zone, rank])).toEqual([
      ["HE-TS", 1],
      ["NM-W", 2],
      ["HB-HS", 3],
      ["AH-TL", 4],
      ["SX-CZ", 5],
    ]);
    // Among every zone: 400, 300, 250… → HB-HS third of seven, percentile 4/6.
    const all = await ranking();
    expect(all.find(([zone]) => zone === "HB-HS")).toEqual(["HB-HS", "250", 3, 4 / 6]);
    expect(all).toHaveLength(8);
  });

  it("the heat table shows the group's zones, ranked among the group", async () => {
    const heat = (peers?: PeerGroup) =>
      percentileHeat(handle.db, {
        quarter: "2026Q1",
        includeSubmitted: false,
        zoneCodes: ALL_CATALOGUE,
        indicatorCodes: ["gdp"],
        ...(peers && { peers }),
      }).then((cells) => cells.map(({ zoneCode, value, percentile }) => [zoneCode, value, percentile]));
    expect(await heat(CENTRAL)).toEqual([
      ["SX-CZ", 50, 0],
      ["AH-TL", 150, 0.5],
      ["HB-HS", 250, 1],
      ["HN-C", 350, null],
    ]);
    // Stored percentiles of every zone: seven ranked, HB-HS fifth from the bottom → 4/6.
    const all = await heat();
    expect(all).toHaveLength(8);
    expect(all.find(([zone]) => zone === "HB-HS")).toEqual(["HB-HS", 250, 4 / 6]);
    expect(all.find(([zone]) => zone === "HN-C")).toEqual(["HN-C", 350, null]);
  });

  it("offers the groups present in the zones table, the zone's own marked", async () => {
    const choices = await peerGroupChoices(handle.db, { zoneCode: "HB-HS" });
    expect(choices.map(({ key }) => key)).toEqual([
      "batch-1",
      "batch-2",
      "type-old-industrial",
      "type-resource-based",
      "region-northeast",
      "region-east",
      "region-central",
      "region-west",
    ]);
    expect(choices.filter((choice) => choice.ofZone).map(({ key }) => key)).toEqual([
      "batch-1",
      "type-resource-based",
      "region-central",
    ]);
    expect(choices.find(({ key }) => key === "region-central")?.zones).toBe(
      BUILT_IN_ZONES.filter((zone) => zone.region === "central").length,
    );
  });

  it("reads membership and reporting from the zones table: an edit applies on the next read", async () => {
    await handle.db.execute(sql`update zones set region = 'east' where code = 'AH-TL'`);
    await handle.db.execute(sql`update zones set reports_from = '2026Q1' where code = 'HN-C'`);
    try {
      // central 2026Q1: SX-CZ 50, HB-HS 250, HN-C 350 → median 250.
      expect((await band(CENTRAL))[0]).toEqual(["2026Q1", 250, 150, 250, 300]);
      // Every zone, stored: the reporting change marked the statistics stale; eight values → median 225.
      expect((await band(undefined))[0]).toEqual(["2026Q1", 250, 137.5, 225, 312.5]);
    } finally {
      await handle.db.execute(sql`update zones set region = 'central' where code = 'AH-TL'`);
      await handle.db.execute(sql`update zones set reports_from = '2026Q2' where code = 'HN-C'`);
    }
  });
});
