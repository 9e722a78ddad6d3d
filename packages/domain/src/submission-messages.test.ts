import { describe, expect, it } from "vitest";
import type { IndicatorCode } from "./indicators";
import { describeRuleIssue } from "./submission-messages";
import type { IndicatorContext, RuleIssue } from "./submission-rules";
import { checkSubmission } from "./submission-rules";

function issue(
  indicatorCode: IndicatorCode,
  rule: RuleIssue["rule"],
  params: RuleIssue["params"],
  severity: RuleIssue["severity"] = "hard",
): RuleIssue {
  return { indicatorCode, rule, severity, params, explained: false };
}

function both(found: RuleIssue): [string, string] {
  return [describeRuleIssue(found, "zh-CN"), describeRuleIssue(found, "en")];
}

const ctx = (partial: Partial<IndicatorContext>): IndicatorContext => ({
  previousQuarter: null,
  lastYear: null,
  history: null,
  ...partial,
});

describe("describeRuleIssue: hard rules", () => {
  it("describes a falling year-to-date figure", () => {
    expect(both(issue("gdp", "ytd-decrease", { value: 1200, previous: 1300 }))).toEqual([
      "地区生产总值：累计值 1,200.00 亿元低于上季度累计 1,300.00 亿元（同一年内累计值不能下降）",
      "GDP (current prices): year-to-date value 1,200.00 is below last quarter's 1,300.00 (a year-to-date figure cannot fall within a year)",
    ]);
  });

  it("asks for a missing value", () => {
    expect(both(issue("pm25", "required", {}))).toEqual([
      "PM2.5平均浓度：提交前必须填写数值",
      "PM2.5 concentration: a value is required before submitting",
    ]);
  });

  it("quotes text that is not a number or has an ambiguous separator", () => {
    expect(both(issue("gdp", "not-a-number", { input: "12亿" }))).toEqual([
      "地区生产总值：“12亿”不是有效的数字（只填数字，不要带单位、字母或科学计数法）",
      'GDP (current prices): "12亿" is not a number (enter digits only, without units, letters or exponent notation)',
    ]);
    const [zh, en] = both(issue("retail-sales", "ambiguous-separator", { input: "12,5" }));
    expect(zh).toBe(
      "社会消费品零售总额：“12,5”中的逗号或空格不是正确的千分位分隔（每三位一组），无法确定数值；小数点请用“.”",
    );
    expect(en).toMatch(
      /^Retail sales of consumer goods: the comma or space in "12,5" is not a thousands separator/,
    );
  });

  it("gives the range with the unit", () => {
    expect(both(issue("good-air-days", "range", { value: 101, min: 0, max: 100 }))).toEqual([
      "空气质量优良天数比例：101.0%超出可能的取值范围（0 至 100%）",
      "Share of good-air days: 101.0% is outside the possible range (0 to 100%)",
    ]);
    expect(both(issue("urban-income", "range", { value: -5, min: 0, max: 1_000_000 }))).toEqual([
      "城镇居民人均可支配收入：-5 元超出可能的取值范围（0 至 1,000,000 元）",
      "Urban per-capita disposable income: -5 yuan is outside the possible range (0 to 1,000,000 yuan)",
    ]);
  });

  it("shows every decimal typed when there are too many", () => {
    expect(
      both(issue("gdp-growth", "decimals", { value: 5.33, text: "5.33", decimals: 1, given: 2 })),
    ).toEqual([
      "地区生产总值增速：最多保留 1 位小数，5.33%有 2 位小数",
      "Real GDP growth: at most 1 decimal place is allowed; 5.33% has 2",
    ]);
    expect(
      both(issue("gdp", "decimals", { value: 1200.125, text: "1200.125", decimals: 2, given: 3 }))[1],
    ).toBe("GDP (current prices): at most 2 decimal places are allowed; 1,200.125 has 3");
    expect(
      both(issue("hightech-enterprises", "decimals", { value: 12.5, text: "12.5", decimals: 0, given: 1 })),
    ).toEqual([
      "高新技术企业数：应填写整数，12.5 家带有小数",
      "High-tech enterprises: must be a whole number; 12.5 firms has decimal places",
    ]);
  });

  it("does not round away a typed decimal in a range message", () => {
    const [zh] = both(issue("good-air-days", "range", { value: 100.55, min: 0, max: 100 }));
    expect(zh).toContain("100.55%");
  });
});

describe("describeRuleIssue: soft rules", () => {
  it("describes a large relative change and asks to check or explain", () => {
    const found = issue(
      "gdp",
      "yoy-change",
      { value: 1400, lastYear: 1000, changePercent: 40, threshold: 30 },
      "soft",
    );
    expect(both(found)).toEqual([
      "地区生产总值：1,400.00 亿元比上年同期 1,000.00 亿元增长 40.0%，变动超过 30%，请核实数值或填写说明",
      "GDP (current prices): 1,400.00 is 40.0% above the same quarter last year (1,000.00), a change of more than 30%; check the value or explain it in a note",
    ]);
    const fall = issue("urban-income", "yoy-change", {
      value: 10000,
      lastYear: 20000,
      changePercent: -50,
      threshold: 30,
    });
    expect(both(fall)).toEqual([
      "城镇居民人均可支配收入：10,000 元比上年同期 20,000 元下降 50.0%，变动超过 30%，请核实数值或填写说明",
      "Urban per-capita disposable income: 10,000 yuan is 50.0% below the same quarter last year (20,000 yuan), a change of more than 30%; check the value or explain it in a note",
    ]);
  });

  it("describes a change in percentage points for rates and shares", () => {
    const found = issue("good-air-days", "yoy-change", {
      value: 60,
      lastYear: 80,
      changePoints: -20,
      threshold: 10,
    });
    expect(both(found)).toEqual([
      "空气质量优良天数比例：60.0%比上年同期 80.0%降低 20.0 个百分点，变动超过 10 个百分点，请核实数值或填写说明",
      "Share of good-air days: 60.0% is 20.0 percentage points below the same quarter last year (80.0%), a change of more than 10 points; check the value or explain it in a note",
    ]);
    const rise = issue("gdp-growth", "yoy-change", {
      value: 16,
      lastYear: 5,
      changePoints: 11,
      threshold: 10,
    });
    expect(both(rise)[0]).toContain("提高 11.0 个百分点");
    expect(both(rise)[1]).toContain("11.0 percentage points above");
  });

  it("describes a value outside the zone's history", () => {
    const found = issue(
      "gdp",
      "outside-history",
      { value: 1800, min: 900, max: 1300, count: 6, margin: 30, byPoints: 0 },
      "soft",
    );
    expect(both(found)).toEqual([
      "地区生产总值：1,800.00 亿元超出本示范区以往 6 个已审核季度的取值范围（900.00 至 1,300.00 亿元）30%以上，请核实数值或填写说明",
      "GDP (current prices): 1,800.00 is more than 30 % outside this zone's range over 6 approved quarters (900.00 to 1,300.00); check the value or explain it in a note",
    ]);
    const rate = issue(
      "urban-unemployment",
      "outside-history",
      { value: 16, min: 3, max: 5, count: 8, margin: 10, byPoints: 1 },
      "soft",
    );
    expect(both(rate)[0]).toContain("10 个百分点以上");
  });

  it("describes a growth rate whose sign disagrees with its level", () => {
    const rose = issue("gdp-growth", "growth-sign", {
      growth: -2,
      level: 1400,
      lastYear: 1000,
      levelCode: "gdp",
    });
    expect(both(rose)).toEqual([
      "地区生产总值增速：增速为 -2.0%，但地区生产总值从上年同期的 1,000.00 亿元增至 1,400.00 亿元，方向不一致，请核实数值或填写说明",
      "Real GDP growth: the growth rate is -2.0%, but GDP (current prices) rose from 1,000.00 a year earlier to 1,400.00; the directions disagree, so check the value or explain it in a note",
    ]);
    const fell = issue("gdp-growth", "growth-sign", {
      growth: 2,
      level: 800,
      lastYear: 1000,
      levelCode: "gdp",
    });
    expect(both(fell)[0]).toContain("降至 800.00 亿元");
    expect(both(fell)[1]).toContain("fell from 1,000.00 a year earlier to 800.00");
  });
});

describe("describeRuleIssue: every issue checkSubmission gives", () => {
  it("names the indicator in both languages", () => {
    const issues = checkSubmission(
      {
        quarter: "2025Q2",
        values: {
          gdp: "2000",
          "gdp-growth": "-6",
          pm25: "x",
          "good-air-days": "101",
          "retail-sales": "1,2",
          "budget-revenue": "70.123",
          "foreign-trade": "100",
        },
        notes: {},
        context: {
          gdp: ctx({ lastYear: 1000, history: { min: 900, max: 1100, count: 8 } }),
          "gdp-growth": ctx({ lastYear: 5 }),
          "foreign-trade": ctx({ previousQuarter: 200 }),
        },
      },
      "submit",
    );
    expect(new Set(issues.map((found) => found.rule)).size).toBe(9);
    for (const found of issues) {
      const [zh, en] = both(found);
      expect(zh).not.toContain("—");
      expect(en).not.toContain("—");
      expect(zh).not.toContain("undefined");
      expect(en).not.toContain("undefined");
      expect(zh).toMatch(/^[^：]+：/);
      expect(en).toMatch(/^[^:]+: [a-z"0-9-]/);
    }
  });
});
