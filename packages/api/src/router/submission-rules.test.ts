import { TRPCError } from "@trpc/server";
import type { Role, SessionUser } from "@zones/auth";
import type { DatabaseHandle } from "@zones/db/client";
import { seedDatabase } from "@zones/db/seed";
import { createTestDatabase, testEngine } from "@zones/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createCaller } from "../root";
import { contextFor, createRoleUsers, testAuth } from "../test-fixtures";

const NOW = new Date("2026-11-28T10:00:00+08:00");
const ZONE = "HB-HS";

/**
 * Each hard and soft rule through the API on a real database: the comparison values (previous quarter,
 * same quarter last year, approved history) come from SQL, so these tests check the data path too.
 */
describe(`submission rules on stored data (${testEngine()})`, () => {
  let handle: DatabaseHandle;
  let users: Record<Role, SessionUser>;
  let auth: ReturnType<typeof testAuth>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db, { now: NOW });
    auth = testAuth(handle.db);
    users = await createRoleUsers(auth, handle.db);
  });
  afterAll(async () => {
    await handle.close();
  });

  const official = () => createCaller(contextFor(handle.db, auth, users.official));

  /** The quarter as a complete draft copied from the same quarter last year (explained), then `values` typed over it. */
  async function prepare(quarter: string, lastYear: string, values: Record<string, string>) {
    await handle.db.execute(sql`delete from submissions where zone_code = ${ZONE} and quarter = ${quarter}`);
    await handle.db.execute(sql`
      insert into submissions (zone_code, quarter, status, version) values (${ZONE}, ${quarter}, 'draft', 1)`);
    await handle.db.execute(sql`
      insert into observations (zone_code, indicator_code, quarter, value, note)
      select zone_code, indicator_code, ${quarter}, value, '说明'
      from observations where zone_code = ${ZONE} and quarter = ${lastYear}`);
    const saved = await official().submission.save({
      zoneCode: ZONE,
      quarter,
      baseVersion: 1,
      values,
      notes: Object.fromEntries(Object.keys(values).map((code) => [code, ""])),
    });
    return saved.version;
  }

  async function rulesOf(quarter: string) {
    const form = await official().submission.form({ zoneCode: ZONE, quarter });
    return form.issues.map(
      (issue) => `${issue.indicatorCode} ${issue.rule} ${issue.explained ? "explained" : "open"}`,
    );
  }

  async function submitError(quarter: string, version: number) {
    const error = await official()
      .submission.submit({ zoneCode: ZONE, quarter, version })
      .then(() => null)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    return error as TRPCError;
  }

  beforeEach(async () => {
    await handle.db.execute(sql`update reporting_periods set status = 'open' where quarter = '2026Q3'`);
  });

  it("ytd-decrease: a Q3 year-to-date figure below Q2's blocks submitting", async () => {
    const version = await prepare("2026Q3", "2025Q3", { gdp: "100" });
    expect(await rulesOf("2026Q3")).toContain("gdp ytd-decrease open");
    const error = await submitError("2026Q3", version);
    expect(error.message).toContain("地区生产总值");
    expect(error.message).toContain("累计值");
  });

  it("ytd-decrease does not cross the year: Q1 below the previous Q4 is fine", async () => {
    // 2027Q1 after an approved 2026Q4 with a full-year GDP far above any Q1.
    await handle.db.execute(sql`update reporting_periods set status = 'closed' where quarter = '2026Q4'`);
    await handle.db.execute(sql`
      insert into reporting_periods (quarter, status, deadline) values ('2027Q1', 'open', '2027-04-25')
      on conflict (quarter) do update set status = 'open'`);
    await handle.db.execute(sql`delete from submissions where zone_code = ${ZONE} and quarter = '2026Q4'`);
    await handle.db.execute(sql`
      insert into submissions (zone_code, quarter, status) values (${ZONE}, '2026Q4', 'approved')`);
    await handle.db.execute(sql`
      insert into observations (zone_code, indicator_code, quarter, value)
      values (${ZONE}, 'gdp', '2026Q4', 3000)`);
    await prepare("2027Q1", "2026Q1", { gdp: "700" });
    const form = await official().submission.form({ zoneCode: ZONE, quarter: "2027Q1" });
    expect(form.indicators.find((row) => row.indicatorCode === "gdp")?.previousQuarter).toBe("3000");
    const rules = await rulesOf("2027Q1");
    expect(rules.filter((rule) => rule.startsWith("gdp ytd-decrease"))).toEqual([]);
  });

  it("required: an empty applicable value blocks submitting and names the field", async () => {
    const version = await prepare("2026Q3", "2025Q3", { "urban-income": "" });
    expect(await rulesOf("2026Q3")).toContain("urban-income required open");
    expect((await submitError("2026Q3", version)).message).toContain("城镇居民人均可支配收入");
  });

  it("range and decimals are refused at save time; nothing is stored", async () => {
    await prepare("2026Q3", "2025Q3", {});
    const refused: Record<string, string>[] = [
      { "good-air-days": "100.1" },
      { "urban-unemployment": "5.25" },
      { gdp: "-1" },
    ];
    for (const values of refused) {
      const error = await official()
        .submission.save({ zoneCode: ZONE, quarter: "2026Q3", baseVersion: 1, values })
        .catch((caught: unknown) => caught);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    }
    const form = await official().submission.form({ zoneCode: ZONE, quarter: "2026Q3" });
    expect(form.submission?.version).toBe(1);
  });

  it("soft rules need an explanation: yoy-change, outside-history and growth-sign", async () => {
    // GDP ten times last year's, and a negative growth rate while the level rose.
    const lastYear = await official().submission.form({ zoneCode: ZONE, quarter: "2026Q3" });
    const gdpLastYear = Number(lastYear.indicators.find((row) => row.indicatorCode === "gdp")?.lastYear);
    const version = await prepare("2026Q3", "2025Q3", {
      gdp: (gdpLastYear * 10).toFixed(2),
      "gdp-growth": "-3.0",
    });
    const rules = await rulesOf("2026Q3");
    expect(rules).toEqual(
      expect.arrayContaining([
        "gdp yoy-change open",
        "gdp outside-history open",
        "gdp-growth growth-sign open",
      ]),
    );
    const error = await submitError("2026Q3", version);
    expect(error.code).toBe("BAD_REQUEST");
    const explained = await official().submission.save({
      zoneCode: ZONE,
      quarter: "2026Q3",
      baseVersion: version,
      values: {},
      notes: { gdp: "统计口径调整，并入新区", "gdp-growth": "按可比价计算为负" },
    });
    expect(await rulesOf("2026Q3")).toEqual(
      expect.arrayContaining(["gdp yoy-change explained", "gdp-growth growth-sign explained"]),
    );
    await expect(
      official().submission.submit({ zoneCode: ZONE, quarter: "2026Q3", version: explained.version }),
    ).resolves.toMatchObject({ status: "submitted" });
  });
});
