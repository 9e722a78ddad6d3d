import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  ZIndicatorCodeSchema,
  ZLocaleSchema,
  ZObservationInputSchema,
  ZQuarterRangeSchema,
  ZQuarterSchema,
  ZZoneCodeSchema,
} from "./index";

/** The issues of a failed parse as [path, message] pairs; fails the test if the parse succeeded. */
function issuesOf(schema: z.ZodType, input: unknown): Array<[string, string]> {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

const goodObservation = { zoneCode: "HB-HS", indicatorCode: "gdp-growth", quarter: "2025Q3", value: 5.3 };

describe("ZQuarterSchema", () => {
  it("accepts a quarter", () => {
    expect(ZQuarterSchema.parse("2025Q3")).toBe("2025Q3");
  });

  it.each(["2025Q5", "25Q1", "", " 2025Q1"])("refuses %j with the parse message", (text) => {
    expect(issuesOf(ZQuarterSchema, text)).toEqual([
      [
        "",
        `${JSON.stringify(text)} is not a quarter: expected a four-digit year, "Q" and a quarter number 1–4, like 2025Q3`,
      ],
    ]);
  });

  it("refuses a non-string", () => {
    expect(issuesOf(ZQuarterSchema, 20253)).toEqual([
      ["", "quarter must be a string like 2025Q3, got 20253"],
    ]);
  });
});

describe("ZQuarterRangeSchema", () => {
  it("accepts an ordered or one-quarter range", () => {
    expect(ZQuarterRangeSchema.parse({ from: "2024Q1", to: "2025Q1" })).toEqual({
      from: "2024Q1",
      to: "2025Q1",
    });
    expect(ZQuarterRangeSchema.safeParse({ from: "2025Q1", to: "2025Q1" }).success).toBe(true);
  });

  it("refuses a reversed range on the field `to`", () => {
    expect(issuesOf(ZQuarterRangeSchema, { from: "2025Q1", to: "2024Q1" })).toEqual([
      ["to", 'quarter range: "to" (2024Q1) is before "from" (2025Q1)'],
    ]);
  });

  it("reports a malformed end on its field", () => {
    const issues = issuesOf(ZQuarterRangeSchema, { from: "2025Q1", to: "2025Q9" });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.[0]).toBe("to");
    expect(issues[0]?.[1]).toContain('"2025Q9" is not a quarter');
  });
});

describe("code schemas", () => {
  it("accepts known codes", () => {
    expect(ZZoneCodeSchema.parse("HB-HS")).toBe("HB-HS");
    expect(ZIndicatorCodeSchema.parse("pm25")).toBe("pm25");
    expect(ZLocaleSchema.parse("zh-CN")).toBe("zh-CN");
    expect(ZLocaleSchema.parse("en")).toBe("en");
  });

  it("checks only a code's shape: the catalogue in the database says which exist", () => {
    expect(ZZoneCodeSchema.parse("SN-BJ")).toBe("SN-BJ");
    expect(ZIndicatorCodeSchema.parse("digital-economy-share")).toBe("digital-economy-share");
  });

  it("names a malformed code", () => {
    const [zoneIssue] = issuesOf(ZZoneCodeSchema, "XX_YY");
    expect(zoneIssue?.[1]).toMatch(/^unknown zone code "XX_YY"/);
    expect(zoneIssue?.[1]).toContain("HB-HS");
    expect(issuesOf(ZZoneCodeSchema, "hb-hs")[0]?.[1]).toContain('unknown zone code "hb-hs"');
    expect(issuesOf(ZZoneCodeSchema, "A".repeat(10_000))[0]?.[1]).toMatch(/^unknown zone code/);
    expect(issuesOf(ZZoneCodeSchema, 7)[0]?.[1]).toBe("unknown zone code 7: expected a code like HB-HS");
    expect(issuesOf(ZIndicatorCodeSchema, "Foo")).toEqual([
      ["", 'unknown indicator code "Foo": expected a code like gdp-growth'],
    ]);
    expect(issuesOf(ZLocaleSchema, "fr")).toEqual([["", 'locale must be "zh-CN" or "en", got "fr"']]);
    expect(issuesOf(ZLocaleSchema, undefined)).toEqual([["", 'locale must be "zh-CN" or "en", got nothing']]);
  });
});

describe("ZObservationInputSchema", () => {
  it("accepts good observations", () => {
    expect(ZObservationInputSchema.parse(goodObservation)).toEqual(goodObservation);
    const good = [
      { zoneCode: "SD-ZB", indicatorCode: "gdp", quarter: "2023Q3", value: 3454.07 },
      { zoneCode: "HN-C", indicatorCode: "gdp-growth", quarter: "2022Q4", value: -100 },
      { zoneCode: "AH-TL", indicatorCode: "urbanisation-rate", quarter: "2023Q4", value: 67.2 },
      { zoneCode: "LN-C", indicatorCode: "rd-intensity", quarter: "2024Q4", value: 2.68 },
      { zoneCode: "SC-ZG", indicatorCode: "energy-intensity-reduction", quarter: "2024Q4", value: -1.5 },
      { zoneCode: "HB-HS", indicatorCode: "hightech-manufacturing-share", quarter: "2025Q2", value: 100 },
    ];
    for (const input of good) expect(ZObservationInputSchema.safeParse(input).success).toBe(true);
  });

  it("refuses a value outside the physical range, naming indicator, rule and value", () => {
    expect(
      issuesOf(ZObservationInputSchema, {
        ...goodObservation,
        indicatorCode: "hightech-manufacturing-share",
        value: 120,
      }),
    ).toEqual([["value", 'value of "hightech-manufacturing-share" must be between 0 and 100 %, got 120']]);
    expect(issuesOf(ZObservationInputSchema, { ...goodObservation, value: -100.5 })).toEqual([
      ["value", 'value of "gdp-growth" must be between -100 and 1000 %, got -100.5'],
    ]);
    expect(
      issuesOf(ZObservationInputSchema, { ...goodObservation, indicatorCode: "gdp", value: -1 }),
    ).toEqual([["value", 'value of "gdp" must be between 0 and 200000 (100 million yuan), got -1']]);
  });

  it("refuses more decimals than the indicator allows", () => {
    expect(issuesOf(ZObservationInputSchema, { ...goodObservation, value: 5.35 })).toEqual([
      ["value", 'value of "gdp-growth" must have at most 1 decimal places, got 5.35'],
    ]);
    expect(
      issuesOf(ZObservationInputSchema, {
        ...goodObservation,
        indicatorCode: "hightech-enterprises",
        quarter: "2024Q4",
        value: 12.5,
      }),
    ).toEqual([["value", 'value of "hightech-enterprises" must have at most 0 decimal places, got 12.5']]);
  });

  it("refuses an annual indicator outside Q4 on the field `quarter`", () => {
    expect(
      issuesOf(ZObservationInputSchema, { ...goodObservation, indicatorCode: "rd-intensity", value: 2.1 }),
    ).toEqual([
      [
        "quarter",
        'quarter of "rd-intensity" must be a Q4: the indicator is annual and is entered with Q4 only, got 2025Q3',
      ],
    ]);
  });

  it("refuses non-finite or missing values", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, "5.3", null]) {
      const issues = issuesOf(ZObservationInputSchema, { ...goodObservation, value });
      expect(issues).toHaveLength(1);
      expect(issues[0]?.[0]).toBe("value");
      expect(issues[0]?.[1]).toMatch(/^value must be a finite number, got /);
    }
    const { value: _value, ...withoutValue } = goodObservation;
    expect(issuesOf(ZObservationInputSchema, withoutValue)).toEqual([
      ["value", "value must be a finite number, got nothing"],
    ]);
  });

  it("takes a zone of either built-in batch", () => {
    const parsed = ZObservationInputSchema.safeParse({ ...goodObservation, zoneCode: "GZ-LPS" });
    expect(parsed.success).toBe(true);
  });

  it("reports every broken field at once", () => {
    const issues = issuesOf(ZObservationInputSchema, {
      zoneCode: "XX-YY",
      indicatorCode: "manufacturing-share",
      quarter: "2025Q2",
      value: 140,
    });
    expect(issues.map(([path]) => path)).toEqual(["zoneCode", "value", "quarter"]);
    expect(issues[0]?.[1]).toContain('unknown zone code "XX-YY"');
    expect(issues[1]?.[1]).toBe('value of "manufacturing-share" must be between 0 and 100 %, got 140');
    expect(issues[2]?.[1]).toContain("annual");
  });

  it("refuses input that is not an object, without throwing", () => {
    for (const input of [null, undefined, "HB-HS", 5, []]) {
      const issues = issuesOf(ZObservationInputSchema, input);
      expect(issues.length).toBeGreaterThan(0);
    }
  });

  it("does not run cross-field rules on fields that are themselves broken", () => {
    expect(
      issuesOf(ZObservationInputSchema, { ...goodObservation, indicatorCode: "foo", value: 5000 }),
    ).toEqual([["indicatorCode", 'unknown indicator code "foo"']]);
    expect(
      issuesOf(ZObservationInputSchema, {
        ...goodObservation,
        indicatorCode: "rd-intensity",
        quarter: "2025Q7",
        value: 2,
      }),
    ).toEqual([
      [
        "quarter",
        '"2025Q7" is not a quarter: expected a four-digit year, "Q" and a quarter number 1–4, like 2025Q3',
      ],
    ]);
  });
});
