import { describe, expect, it } from "vitest";

import {
  buildCityValueTemplateCsv,
  type CityValueCatalogue,
  type CityValueTemplateRow,
  readCityValueUpload,
  validateCityValueRows,
} from "./city-values";

const city = (
  zoneCode: string,
  citiesOfZone: number,
  more: Partial<{ zoneActive: boolean; retiredFrom: "2024Q1" }> = {},
) => ({
  zoneCode,
  citiesOfZone,
  zoneActive: true,
  reportsFrom: "2017Q1" as const,
  retiredFrom: null,
  ...more,
});

const CATALOGUE: CityValueCatalogue = {
  cities: new Map([
    ["HN-C-ZZ", city("HN-C", 3)],
    ["HN-C-XT", city("HN-C", 3)],
    ["HB-HS-HS", city("HB-HS", 1)],
    ["XX-OLD-A", city("XX-OLD", 2, { retiredFrom: "2024Q1" })],
  ]),
  indicators: new Map([
    ["gdp", { min: 0, max: 100000, inForceFrom: null, retiredAfter: null }],
    ["new-one", { min: 0, max: 100, inForceFrom: 2026, retiredAfter: null }],
  ]),
  publishedYears: new Set([2024]),
};

const ROW: CityValueTemplateRow = {
  year: "2025",
  zone_code: "HN-C",
  zone: "湖南中部",
  member_city_code: "HN-C-ZZ",
  member_city: "株洲",
  indicator_code: "gdp",
  indicator: "地区生产总值",
  unit: "亿元",
  value: "3420.5",
};

async function checked(rows: CityValueTemplateRow[]) {
  const read = await readCityValueUpload(buildCityValueTemplateCsv(rows));
  expect(read.errors).toEqual([]);
  return validateCityValueRows(read.rows, CATALOGUE);
}

describe("member cities' figures template", () => {
  it("reads back the template it writes, skipping rows left blank", async () => {
    const result = await checked([ROW, { ...ROW, member_city_code: "HN-C-XT", value: "" }]);
    expect(result).toEqual({
      values: [{ year: 2025, memberCityCode: "HN-C-ZZ", indicatorCode: "gdp", value: 3420.5 }],
      errors: [],
    });
  });

  it("names every problem by row and column in both languages, and keeps no figure", async () => {
    const result = await checked([
      ROW,
      { ...ROW, member_city_code: "NO-SUCH" },
      { ...ROW, member_city_code: "XX-OLD-A" },
      { ...ROW, member_city_code: "HB-HS-HS" },
      { ...ROW, indicator_code: "nope" },
      { ...ROW, indicator_code: "new-one", value: "1" },
      { ...ROW, member_city_code: "HN-C-XT", value: "abc" },
      { ...ROW, year: "2026", member_city_code: "HN-C-XT", value: "-1" },
      { ...ROW },
      { ...ROW, year: "2019" },
      { ...ROW, year: "2024" },
    ]);
    expect(result.values).toEqual([]);
    expect(result.errors.map((error) => [error.row, error.column])).toEqual([
      [3, "member_city_code"],
      [4, "member_city_code"],
      [5, "member_city_code"],
      [6, "indicator_code"],
      [7, "indicator_code"],
      [8, "value"],
      [9, "value"],
      [10, "indicator_code"],
      [11, "year"],
      [12, "year"],
    ]);
    const messages = result.errors.map((error) => error.message);
    expect(messages[0]).toEqual({
      zh: "第 3 行 “成员城市代码”（member_city_code）：没有成员城市“NO-SUCH”",
      en: 'Row 3, member_city_code: no member city "NO-SUCH"',
    });
    expect(messages[1]?.zh).toContain("已退出");
    expect(messages[2]?.en).toContain("only city of zone HB-HS");
    expect(messages[4]?.zh).toContain("2025 年不在统计范围内");
    expect(messages[6]?.en).toBe("Row 9, value: must be within 0–100000");
    expect(messages[7]?.zh).toContain("与第 2 行重复");
    expect(messages[9]?.zh).toBe("第 12 行 “年份”（year）：2024 年的评估已发布，不能再导入数据");
  });

  it("refuses a file with no value filled in", async () => {
    const result = await checked([{ ...ROW, value: "" }]);
    expect(result.errors).toMatchObject([{ row: null, column: null }]);
  });
});
