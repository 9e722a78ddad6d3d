import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "../../client";
import { auditLog, bulletins, observations, reportingPeriods, submissions, users } from "../../schema";
import { seedCatalogue } from "../../seed/catalogue";
import { createTestDatabase, testEngine } from "../../testing";
import { refreshPeerStatistics } from "../dashboard/peer-statistics";
import { bulletinFigures } from "./bulletin";
import { bulletinDataVersion, findBulletin, previousBulletinAt, recordBulletin } from "./records";

/**
 * Four active zones (the others made inactive), two headline indicators worked out by hand:
 *
 *            gdp-growth (higher)       urban-unemployment (lower)   2025Q3 submitted (Beijing) vs 2025-10-25
 *            2024Q3   2025Q3           2025Q3
 *   LN-C     5.0      5.5              4.0                          10-20 (5 days early)
 *   JL-C     6.5      6.1              3.5                          10-28 (3 days late)
 *   NM-W     –        5.5              5.0                          10-25 23:30 (on the day)
 *   HE-TS    4.0      9.9 (submitted)  –                            10-26 (1 day late), not approved
 */
const ACTIVE = ["LN-C", "JL-C", "NM-W", "HE-TS"];
const Q = "2025Q3";
const LAST_YEAR = "2024Q3";
const SUBMITTED: Record<string, { at: string; late: boolean; status: "approved" | "submitted" }> = {
  "LN-C": { at: "2025-10-20T02:00:00Z", late: false, status: "approved" },
  "JL-C": { at: "2025-10-27T17:00:00Z", late: true, status: "approved" },
  "NM-W": { at: "2025-10-25T15:30:00Z", late: false, status: "approved" },
  "HE-TS": { at: "2025-10-26T01:00:00Z", late: true, status: "submitted" },
};
const VALUES: [zone: string, quarter: string, indicator: string, value: string][] = [
  ["LN-C", LAST_YEAR, "gdp-growth", "5.0"],
  ["JL-C", LAST_YEAR, "gdp-growth", "6.5"],
  ["HE-TS", LAST_YEAR, "gdp-growth", "4.0"],
  ["LN-C", Q, "gdp-growth", "5.5"],
  ["JL-C", Q, "gdp-growth", "6.1"],
  ["NM-W", Q, "gdp-growth", "5.5"],
  ["HE-TS", Q, "gdp-growth", "9.9"],
  ["LN-C", Q, "urban-unemployment", "4.0"],
  ["JL-C", Q, "urban-unemployment", "3.5"],
  ["NM-W", Q, "urban-unemployment", "5.0"],
];

describe(`bulletin queries (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    const { db } = handle;
    await seedCatalogue(db);
    await db.execute(sql`update zones set active = code in ${ACTIVE}`);
    await db.insert(users).values({ id: "u-rev", name: "审核员甲", email: "r@t.test", role: "reviewer" });
    await db.insert(reportingPeriods).values([
      { quarter: LAST_YEAR, status: "closed", deadline: "2024-10-25" },
      { quarter: Q, status: "open", deadline: "2025-10-25" },
    ]);
    await db.insert(submissions).values([
      ...["LN-C", "JL-C", "HE-TS"].map((zoneCode) => ({
        zoneCode,
        quarter: LAST_YEAR,
        status: "approved" as const,
      })),
      ...ACTIVE.map((zoneCode) => {
        const s = SUBMITTED[zoneCode] as (typeof SUBMITTED)[string];
        return { zoneCode, quarter: Q, status: s.status, late: s.late, submittedAt: new Date(s.at) };
      }),
    ]);
    await db.insert(observations).values(
      VALUES.map(([zoneCode, quarter, indicatorCode, value]) => ({
        zoneCode,
        quarter,
        indicatorCode,
        value,
      })),
    );
    await refreshPeerStatistics(db, "all");
    const revise = (zoneCode: string, at: string, reason: string) => ({
      at: new Date(at),
      actorId: "u-rev",
      action: "submission.revise",
      entityType: "submission",
      entityId: `${zoneCode}/${Q}`,
      zoneCode,
      quarter: Q,
      details: { from: "approved", to: "draft", reason, revision: 1 },
    });
    await db
      .insert(auditLog)
      .values([
        revise("LN-C", "2025-11-01T00:00:00Z", "初步核算改为最终核实"),
        revise("JL-C", "2025-11-10T00:00:00Z", "补报"),
      ]);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("ranks every active zone's headline indicators among the approved values, with last year's", async () => {
    const figures = await bulletinFigures(handle.db, { quarter: Q });
    expect(figures.zoneCodes).toEqual(ACTIVE);
    const pick = (indicator: string) =>
      figures.headlines
        .filter((row) => row.indicatorCode === indicator)
        .map((row) => [row.zoneCode, row.value, row.lastYearValue, row.rank, row.ranked]);
    expect(pick("gdp-growth")).toEqual([
      ["LN-C", 5.5, 5, 2, 3],
      ["JL-C", 6.1, 6.5, 1, 3],
      ["NM-W", 5.5, null, 2, 3],
      // Submitted, not approved: no value and no rank, but last year's approved one.
      ["HE-TS", null, 4, null, 3],
    ]);
    expect(pick("urban-unemployment")).toEqual([
      ["LN-C", 4, null, 2, 3],
      ["JL-C", 3.5, null, 1, 3],
      ["NM-W", 5, null, 3, 3],
      ["HE-TS", null, null, null, 3],
    ]);
    // Every headline indicator of the catalogue for every active zone.
    const headlineCount = rowsCount(figures.headlines.map((row) => row.indicatorCode));
    expect(figures.headlines).toHaveLength(ACTIVE.length * headlineCount);
  });

  it("gives each zone's trend with the peer band of the approved values, and the heat table's percentiles", async () => {
    const figures = await bulletinFigures(handle.db, { quarter: Q });
    const trend = figures.trends.filter(
      (row) => row.zoneCode === "LN-C" && row.indicatorCode === "gdp-growth",
    );
    expect(trend.map((row) => row.quarter)).toEqual([
      "2023Q4",
      "2024Q1",
      "2024Q2",
      "2024Q3",
      "2024Q4",
      "2025Q1",
      "2025Q2",
      "2025Q3",
    ]);
    // 2025Q3 approved [5.5, 6.1, 5.5]: p25 5.5, median 5.5, p75 5.8.
    const last = trend.at(-1);
    expect(
      [last?.value, last?.low, last?.median, last?.high].map((n) =>
        n === null || n === undefined ? null : round(n),
      ),
    ).toEqual([5.5, 5.5, 5.5, 5.8]);
    expect(trend[3]?.value).toBe(5);
    const heat = figures.heat.filter((cell) => cell.indicatorCode === "urban-unemployment");
    expect(heat.map((cell) => [cell.zoneCode, cell.value, cell.percentile])).toEqual([
      ["LN-C", 4, 0.5],
      ["JL-C", 3.5, 1],
      ["NM-W", 5, 0],
      ["HE-TS", null, null],
    ]);
  });

  it("lists each zone's state, deadline and days late by the Beijing calendar", async () => {
    const figures = await bulletinFigures(handle.db, { quarter: Q });
    expect(
      figures.completeness.map((row) => [row.zoneCode, row.status, row.deadline, row.late, row.daysLate]),
    ).toEqual([
      ["LN-C", "approved", "2025-10-25", false, -5],
      ["JL-C", "approved", "2025-10-25", true, 3],
      ["NM-W", "approved", "2025-10-25", false, 0],
      ["HE-TS", "submitted", "2025-10-25", true, 1],
    ]);
    expect(figures.completeness[1]?.submittedAt?.toISOString()).toBe("2025-10-27T17:00:00.000Z");
  });

  it("lists the revisions since the previous bulletin of other data, or all before the first", async () => {
    const before = await bulletinFigures(handle.db, { quarter: Q });
    expect(before.revisionsSince).toBeNull();
    expect(before.revisions.map((row) => [row.zoneCode, row.reason, row.actorName])).toEqual([
      ["JL-C", "补报", "审核员甲"],
      ["LN-C", "初步核算改为最终核实", "审核员甲"],
    ]);
    expect(before.revisionsTotal).toBe(2);

    await handle.db.insert(bulletins).values({
      quarter: Q,
      language: "zh-CN",
      dataVersion: "an-older-version",
      storageKey: "bulletins/old.pdf",
      byteSize: 1,
      sha256: "x",
      trigger: "all-approved",
      createdAt: new Date("2025-11-05T00:00:00Z"),
    });
    const after = await bulletinFigures(handle.db, { quarter: Q });
    expect(after.revisionsSince?.toISOString()).toBe("2025-11-05T00:00:00.000Z");
    expect(after.revisions.map((row) => row.zoneCode)).toEqual(["JL-C"]);
    expect(after.revisionsTotal).toBe(1);
  });

  it("versions the data: unchanged data keeps its version, a submission's change gives a new one", async () => {
    const first = await bulletinDataVersion(handle.db, { quarter: Q });
    expect(await bulletinDataVersion(handle.db, { quarter: Q })).toBe(first);
    expect(await bulletinDataVersion(handle.db, { quarter: "2025Q2" })).not.toBe(first);
    const record = await recordBulletin(handle.db, {
      quarter: Q,
      language: "en",
      dataVersion: first,
      storageKey: "bulletins/2025Q3/en.pdf",
      byteSize: 10,
      sha256: "abc",
      trigger: "manual",
    });
    expect(await findBulletin(handle.db, { quarter: Q, language: "en", dataVersion: first })).toMatchObject({
      id: record.id,
    });
    expect(await findBulletin(handle.db, { quarter: Q, language: "zh-CN", dataVersion: first })).toBeNull();
    // Its own version is not "previous": the older one stays the revisions' start.
    expect((await previousBulletinAt(handle.db, { quarter: Q, dataVersion: first }))?.toISOString()).toBe(
      "2025-11-05T00:00:00.000Z",
    );

    await handle.db.execute(
      sql`update submissions set version = version + 1 where zone_code = 'NM-W' and quarter = ${Q}`,
    );
    const second = await bulletinDataVersion(handle.db, { quarter: Q });
    expect(second).not.toBe(first);
    expect(await findBulletin(handle.db, { quarter: Q, language: "en", dataVersion: second })).toBeNull();
  });
});

function rowsCount(codes: string[]): number {
  return new Set(codes).size;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
