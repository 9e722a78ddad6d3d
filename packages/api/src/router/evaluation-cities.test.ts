import { rowsOf } from "@zones/db/client";
import { observations, submissions } from "@zones/db/schema";
import { testEngine } from "@zones/db/testing";
import { defaultRubric, MAX_CITY_VALUE_UPLOAD_BYTES } from "@zones/domain";
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { cityValuesTemplate } from "../evaluation/city-values";
import { useTestWorld } from "../test-world";

const YEAR = 2025;
const RUBRIC = defaultRubric(YEAR);
const HEADER = "年份,成员城市代码,指标代码,数值\r\n";

function upload(csv: string | Uint8Array, name = "cities.csv"): FormData {
  const form = new FormData();
  form.set("file", new File([csv], name, { type: "text/csv" }));
  return form;
}

async function errorOf(call: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  return call.then(
    () => ({}),
    (error: { code?: string; message?: string }) => error,
  );
}

describe(`member cities' figures and ratings through the API (${testEngine()})`, () => {
  const world = useTestWorld();
  const admin = () => world.caller(world.users.admin).evaluation;
  const reviewer = () => world.caller(world.users.reviewer).evaluation;
  const figures = async () =>
    rowsOf<{ n: number }>(
      await world.handle.db.execute(sql`select count(*)::int as n from member_city_values`),
    )[0]?.n;
  const results = async () =>
    rowsOf<Record<string, unknown>>(
      await world.handle.db.execute(sql`select * from evaluation_results order by id`),
    );

  beforeAll(async () => {
    // Central Hunan (three cities) approved at zone level; Huangshi (one city) too.
    const zones: [string, number][] = [
      ["HN-C", 20],
      ["HB-HS", 60],
    ];
    await world.handle.db
      .insert(submissions)
      .values(zones.map(([zoneCode]) => ({ zoneCode, quarter: `${YEAR}Q4`, status: "approved" as const })));
    await world.handle.db.insert(observations).values(
      zones.flatMap(([zoneCode, value]) =>
        RUBRIC.dimensions
          .flatMap((dimension) => dimension.items)
          .map((item) => ({
            zoneCode,
            quarter: `${YEAR}Q4`,
            indicatorCode: item.indicatorCode,
            value: String(item.indicatorCode === "pm25" ? 30 : value),
          })),
      ),
    );
    await admin().saveRubric({ rubric: RUBRIC });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("lets reviewers and admins import, not officials or viewers (leaders)", async () => {
    const file = () => upload(`${HEADER}${YEAR},HN-C-ZZ,pm25,30\r\n`);
    for (const role of ["viewer", "official"] as const) {
      const caller = world.caller(world.users[role]).evaluation;
      expect(await errorOf(caller.importCityValues(file()))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await figures()).toBe(0);
    expect(await reviewer().importCityValues(file())).toEqual({ saved: 1, errors: [] });
    expect(await figures()).toBe(1);
  });

  it("refuses an oversized upload naming the field `file` before reading it", async () => {
    const read = vi.spyOn(File.prototype, "arrayBuffer");
    const big = upload(new Uint8Array(MAX_CITY_VALUE_UPLOAD_BYTES + 1));
    const error = await errorOf(reviewer().importCityValues(big));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/^file：/);
    expect(read).not.toHaveBeenCalled();
    const none = await errorOf(reviewer().importCityValues(new FormData()));
    expect(none).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^file：/) });
    expect(await figures()).toBe(1);
  });

  it("imports all rows or none, naming each problem by row and column", async () => {
    const bad = await reviewer().importCityValues(
      upload(`${HEADER}${YEAR},HN-C-XT,pm25,28\r\n${YEAR},HN-C-LD,pm25,abc\r\n${YEAR},HB-HS-HS,pm25,20\r\n`),
    );
    expect(bad.saved).toBe(0);
    expect(bad.errors.map((error) => [error.row, error.column])).toEqual([
      [3, "value"],
      [4, "member_city_code"],
    ]);
    expect(bad.errors[0]?.message.zh).toBe("第 3 行 “数值”（value）：须为数字，如 2.5");
    expect(await figures()).toBe(1);
    const rows = RUBRIC.dimensions
      .flatMap((dimension) => dimension.items)
      .flatMap((item, index) => [
        `${YEAR},HN-C-XT,${item.indicatorCode},${item.indicatorCode === "pm25" ? 28 : 30 + index}`,
        `${YEAR},HN-C-LD,${item.indicatorCode},${item.indicatorCode === "pm25" ? 50 : 10}`,
      ]);
    const good = await reviewer().importCityValues(upload(`${HEADER}${rows.join("\r\n")}\r\n`));
    expect(good).toEqual({ saved: rows.length, errors: [] });
  });

  it("writes a template of the multi-city zones' cities × the rubric's indicators, values blank", async () => {
    const catalogue = {
      indicators: (await world.caller(world.users.admin).catalogue.get()).indicators,
    };
    const file = await cityValuesTemplate(world.handle.db, catalogue, YEAR);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(file.bytes);
    expect(text.startsWith("\uFEFF年份（year）,示范区代码（zone_code）")).toBe(true);
    const lines = text.trim().split("\r\n");
    const items = RUBRIC.dimensions.flatMap((dimension) => dimension.items).length;
    expect(lines.filter((line) => line.includes(",HN-C-ZZ,"))).toHaveLength(items);
    expect(text).not.toContain("HB-HS-HS");
    expect(lines[1]).toMatch(/,$/);
  });

  it("computes the cities as their own pool and shows them beside the zones", async () => {
    expect(await admin().compute({ year: YEAR })).toEqual({ evaluated: 2, cities: 4 });
    const year = await reviewer().year({ year: YEAR });
    expect(year.rows.map((row) => row.zoneCode)).toEqual(["HB-HS", "HN-C"]);
    expect(year.cityRows.map((row) => row.memberCityCode)).toEqual([
      "HB-HS-HS",
      "HN-C-XT",
      "HN-C-LD",
      "HN-C-ZZ",
    ]);
    // The zone page's history: the zone's result, then its cities' in catalogue order, then 2018's rating.
    const history = await reviewer().zoneHistory({ zoneCode: "HN-C" });
    expect(history.map((row) => [row.year, row.memberCityCode])).toEqual([
      [YEAR, null],
      [YEAR, "HN-C-ZZ"],
      [YEAR, "HN-C-XT"],
      [YEAR, "HN-C-LD"],
      [2018, null],
    ]);
  });

  it("adjusts a member city's score; a city of another zone is refused, naming the field, changing nothing", async () => {
    const before = await results();
    const refused = await errorOf(
      reviewer().adjust({
        year: YEAR,
        zoneCode: "HB-HS",
        memberCityCode: "HN-C-XT",
        adjustment: 3,
        reason: "专家评审意见",
      }),
    );
    expect(refused).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("memberCityCode"),
    });
    expect(await results()).toEqual(before);
    const adjusted = await reviewer().adjust({
      year: YEAR,
      zoneCode: "HN-C",
      memberCityCode: "HN-C-LD",
      adjustment: 4,
      reason: "娄底专家评审意见",
    });
    const ld = (await reviewer().year({ year: YEAR })).cityRows.find(
      (row) => row.memberCityCode === "HN-C-LD",
    );
    expect(ld).toMatchObject({ state: "adjusted", adjustment: 4, finalScore: adjusted.finalScore });
    const audit = rowsOf<{ entityId: string }>(
      await world.handle.db.execute(sql`
        select entity_id as "entityId" from audit_log where action = 'evaluation.adjust'`),
    );
    expect(audit).toEqual([{ entityId: `${YEAR}:HN-C-LD` }]);
  });

  it("refuses figures once the year is published, naming the row's year, saving nothing", async () => {
    await admin().publish({ year: YEAR });
    const count = await figures();
    const refused = await reviewer().importCityValues(upload(`${HEADER}${YEAR},HN-C-ZZ,pm25,31\r\n`));
    expect(refused.saved).toBe(0);
    expect(refused.errors).toMatchObject([{ row: 2, column: "year" }]);
    expect(refused.errors[0]?.message.en).toContain(`the evaluation of ${YEAR} is published`);
    expect(await figures()).toBe(count);
    const actions = rowsOf<{ action: string }>(
      await world.handle.db.execute(sql`
        select action from audit_log where action = 'evaluation.cityValues.import'`),
    );
    expect(actions).toHaveLength(2);
  });
});
