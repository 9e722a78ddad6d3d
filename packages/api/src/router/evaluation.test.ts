import { rowsOf } from "@zones/db/client";
import { evaluationResults, observations, submissions } from "@zones/db/schema";
import { testEngine } from "@zones/db/testing";
import { defaultRubric } from "@zones/domain";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { useTestWorld } from "../test-world";

const YEAR = 2025;
const QUARTER = `${YEAR}Q4`;
const RUBRIC = defaultRubric(YEAR);
const CODES = RUBRIC.dimensions.flatMap((dimension) => dimension.items.map((item) => item.indicatorCode));

/** Every rubric indicator's value for a zone of this rank: 3 best, 1 worst (below every floor and target). */
function valuesOf(rank: number): Record<string, number> {
  return Object.fromEntries(
    CODES.map((code) => {
      if (code === "pm25") return [code, rank === 1 ? 80 : 20 + rank];
      return [code, rank === 1 ? 0 : rank * 40];
    }),
  );
}

async function errorOf(call: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  return call.then(
    () => ({}),
    (error: { code?: string; message?: string }) => error,
  );
}

describe(`the annual evaluation (${testEngine()})`, () => {
  const world = useTestWorld();
  const admin = () => world.caller(world.users.admin).evaluation;
  const reviewer = () => world.caller(world.users.reviewer).evaluation;

  const resultRows = async () =>
    rowsOf<Record<string, unknown>>(
      await world.handle.db.execute(sql`select * from evaluation_results order by year, zone_code`),
    );
  const rubricRows = async () =>
    rowsOf<Record<string, unknown>>(await world.handle.db.execute(sql`select * from evaluation_rubrics`));

  beforeAll(async () => {
    const db = world.handle.db;
    // Three approved zones (Huangshi best, Zibo middle, Tongling worst) and Zigong submitted, not approved.
    const zones: [string, "approved" | "submitted", number][] = [
      ["HB-HS", "approved", 3],
      ["SD-ZB", "approved", 2],
      ["AH-TL", "approved", 1],
      ["SC-ZG", "submitted", 3],
    ];
    await db
      .insert(submissions)
      .values(zones.map(([zoneCode, status]) => ({ zoneCode, quarter: QUARTER, status })));
    await db.insert(observations).values(
      zones.flatMap(([zoneCode, , rank]) =>
        Object.entries(valuesOf(rank)).map(([indicatorCode, value]) => ({
          zoneCode,
          indicatorCode,
          quarter: QUARTER,
          value: String(value),
        })),
      ),
    );
    // Tongling was rated 较差 the year before.
    await db
      .insert(evaluationResults)
      .values({ year: YEAR - 1, zoneCode: "AH-TL", source: "computed", state: "published", rating: "poor" });
  });

  it("holds the published 2018 ratings as history", async () => {
    const years = await admin().years();
    expect(years.find((year) => year.year === 2018)).toMatchObject({
      history: true,
      rubricState: null,
      results: 9,
    });
    const history = await world.caller(world.users.viewer).evaluation.zoneHistory({ zoneCode: "HB-HS" });
    expect(history).toEqual([
      expect.objectContaining({
        year: 2018,
        rating: "excellent",
        source: "published-history",
        state: "published",
      }),
    ]);
  });

  it("refuses a rubric whose weights do not sum to 100, naming the field in Chinese, and stores nothing", async () => {
    const rubric = defaultRubric(YEAR);
    rubric.dimensions[0] = { ...RUBRIC.dimensions[0], weight: 30 } as (typeof rubric.dimensions)[0];
    const error = await errorOf(admin().saveRubric({ rubric }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("维度：权重合计须为 100（现为 105）");
    const unknown = await errorOf(
      admin().saveRubric({
        rubric: { ...RUBRIC, dimensions: [{ ...RUBRIC.dimensions[0], items: [{ indicatorCode: "nope" }] }] },
      }),
    );
    expect(unknown.message).toContain("第 1 个维度的第 1 项的指标代码：不是指标目录中的指标");
    expect(await rubricRows()).toEqual([]);
  });

  it("refuses a computation, an adjustment and a publication before the year has a rubric", async () => {
    expect(await errorOf(admin().compute({ year: YEAR }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(admin().publish({ year: YEAR }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets only admins define the rubric and compute, and computes from approved data only", async () => {
    for (const role of ["viewer", "official", "reviewer"] as const) {
      const caller = world.caller(world.users[role]).evaluation;
      expect(await errorOf(caller.saveRubric({ rubric: RUBRIC }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await errorOf(caller.compute({ year: YEAR }))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await rubricRows()).toEqual([]);

    await admin().saveRubric({ rubric: RUBRIC });
    expect(await admin().rubric({ year: YEAR })).toMatchObject({
      stored: true,
      state: "draft",
      rubric: RUBRIC,
    });
    expect(await admin().compute({ year: YEAR })).toEqual({ evaluated: 3, cities: 3 });
    const { rows, state } = await admin().year({ year: YEAR });
    expect(state).toBe("draft");
    expect(rows.map((row) => [row.zoneCode, row.rating])).toEqual([
      ["HB-HS", "excellent"],
      ["SD-ZB", "pass"],
      ["AH-TL", "poor"],
    ]);
    expect(rows[0]).toMatchObject({
      computedScore: 100,
      finalScore: 100,
      dimensionScores: { parks: 100, industry: 100, "urban-renewal": 100, green: 100 },
      state: "computed",
      source: "computed",
      missingItems: 0,
    });
    // Before publication the results are the reviewers' and admins' only.
    const viewer = world.caller(world.users.viewer).evaluation;
    expect((await viewer.year({ year: YEAR })).rows).toEqual([]);
    expect((await viewer.zoneHistory({ zoneCode: "HB-HS" })).map((row) => row.year)).toEqual([2018]);
    // The zone's result and its one member city's (which takes the zone's values), then 2018's history.
    expect(
      (await reviewer().zoneHistory({ zoneCode: "HB-HS" })).map((row) => [row.year, row.memberCityCode]),
    ).toEqual([
      [YEAR, null],
      [YEAR, "HB-HS-HS"],
      [2018, null],
    ]);
    // Tongling: 较差 for the second year in a row.
    expect(rows[2]).toMatchObject({ computedScore: 0, warning: "second-poor" });
    expect(rows[1]?.warning).toBeNull();
  });

  it("adjusts a zone's score with a reason (reviewers), audited, kept through a recompute", async () => {
    expect(
      await errorOf(
        world
          .caller(world.users.viewer)
          .evaluation.adjust({ year: YEAR, zoneCode: "SD-ZB", adjustment: 5, reason: "x" }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
    const before = (await admin().year({ year: YEAR })).rows.find((row) => row.zoneCode === "SD-ZB");
    const computed = before?.computedScore ?? Number.NaN;
    const result = await reviewer().adjust({
      year: YEAR,
      zoneCode: "SD-ZB",
      adjustment: 15.5,
      reason: "省级审查核实的园区建设成效",
    });
    expect(result.finalScore).toBe(Math.min(100, computed + 15.5));
    const audit = rowsOf<{ actorId: string; details: { reason: string; to: { adjustment: number } } }>(
      await world.handle.db.execute(sql`
        select actor_id as "actorId", details from audit_log where action = 'evaluation.adjust'`),
    );
    expect(audit).toEqual([
      {
        actorId: world.users.reviewer.id,
        details: expect.objectContaining({
          reason: "省级审查核实的园区建设成效",
          to: expect.objectContaining({ adjustment: 15.5 }),
        }),
      },
    ]);
    await admin().compute({ year: YEAR });
    const after = (await admin().year({ year: YEAR })).rows.find((row) => row.zoneCode === "SD-ZB");
    expect(after).toMatchObject({
      state: "adjusted",
      computedScore: computed,
      adjustment: 15.5,
      adjustmentReason: "省级审查核实的园区建设成效",
      finalScore: result.finalScore,
    });
  });

  it("refuses hostile adjustments with a message naming the field, changing nothing", async () => {
    const before = await resultRows();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ adjustment: 50 }, "BAD_REQUEST", "调整分值：须为 -20 到 20 之间的数"],
      [{ adjustment: 1.234 }, "BAD_REQUEST", "调整分值"],
      [{ adjustment: "5" }, "BAD_REQUEST", "调整分值"],
      [{ reason: "短" }, "BAD_REQUEST", "调整理由：须为 4 到 500 个字符"],
      [{ reason: "长".repeat(501) }, "BAD_REQUEST", "调整理由"],
      [{ zoneCode: "XX-NOPE" }, "NOT_FOUND", "XX-NOPE"],
      [{ zoneCode: "SC-ZG" }, "NOT_FOUND", "SC-ZG"],
      [{ year: 1900 }, "BAD_REQUEST", "年份：须为 2017 到 2099 之间的数"],
    ];
    for (const [change, code, text] of cases) {
      const input = { year: YEAR, zoneCode: "SD-ZB", adjustment: 3, reason: "专家评审意见", ...change };
      const error = await errorOf(reviewer().adjust(input as never));
      expect(error.code, JSON.stringify(change)).toBe(code);
      expect(error.message).toContain(text);
    }
    expect(await resultRows()).toEqual(before);
  });

  it("publishes a year (admins), after which nothing of it changes", async () => {
    expect(await errorOf(reviewer().publish({ year: YEAR }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await admin().publish({ year: YEAR })).toEqual({ published: 6 });
    const year = await admin().year({ year: YEAR });
    expect(year.state).toBe("published");
    expect(year.rows.every((row) => row.state === "published")).toBe(true);
    expect((await world.caller(world.users.viewer).evaluation.year({ year: YEAR })).rows).toHaveLength(3);
    const before = await resultRows();
    const refusals = [
      () => reviewer().adjust({ year: YEAR, zoneCode: "HB-HS", adjustment: -5, reason: "发布后的调整" }),
      () => admin().compute({ year: YEAR }),
      () => admin().saveRubric({ rubric: RUBRIC }),
      () => admin().publish({ year: YEAR }),
    ];
    for (const refusal of refusals) {
      expect(await errorOf(refusal())).toMatchObject({
        code: "CONFLICT",
        message: `${YEAR} 年的评估已发布，不能再修改。`,
      });
    }
    expect(await resultRows()).toEqual(before);
    const history = await admin().zoneHistory({ zoneCode: "HB-HS" });
    expect(history.map((row) => [row.year, row.memberCityCode, row.rating])).toEqual([
      [YEAR, null, "excellent"],
      [YEAR, "HB-HS-HS", "excellent"],
      [2018, null, "excellent"],
    ]);
    const actions = rowsOf<{ action: string }>(
      await world.handle.db.execute(sql`
        select action from audit_log where entity_type = 'evaluation' order by id`),
    ).map((row) => row.action);
    expect(actions).toEqual([
      "evaluation.rubric.save",
      "evaluation.compute",
      "evaluation.adjust",
      "evaluation.compute",
      "evaluation.publish",
    ]);
  });

  it("refuses a rubric for a year whose ratings were entered as published history", async () => {
    const before = await rubricRows();
    expect(await errorOf(admin().saveRubric({ rubric: defaultRubric(2018) }))).toMatchObject({
      code: "CONFLICT",
      message: "2018 年的评级是录入的已公布结果，不能再为该年制定细则或计算。",
    });
    expect(await rubricRows()).toEqual(before);
  });

  it("refuses an unknown zone's history", async () => {
    expect(await errorOf(admin().zoneHistory({ zoneCode: "NO-SUCH" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});
