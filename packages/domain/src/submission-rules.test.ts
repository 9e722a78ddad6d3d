import { describe, expect, it } from "vitest";
import type { IndicatorCode } from "./indicators";
import { appliesToQuarter, INDICATOR_CODES, INDICATORS } from "./indicators";
import type { QuarterString } from "./quarter";
import type { IndicatorContext, RuleIssue, SubmissionDraft } from "./submission-rules";
import {
  blocksSubmission,
  checkSubmission,
  formIndicators,
  GROWTH_LEVEL_PAIRS,
  MIN_HISTORY_QUARTERS,
  YOY_THRESHOLDS,
} from "./submission-rules";

function draft(
  quarter: QuarterString,
  values: SubmissionDraft["values"],
  context: SubmissionDraft["context"] = {},
  notes: SubmissionDraft["notes"] = {},
): SubmissionDraft {
  return { quarter, values, notes, context };
}

function ctx(partial: Partial<IndicatorContext>): IndicatorContext {
  return { previousQuarter: null, lastYear: null, history: null, ...partial };
}

/** Issues as `code rule` strings, for compact expectations. */
function rules(issues: readonly RuleIssue[]): string[] {
  return issues.map((issue) => `${issue.indicatorCode} ${issue.rule}`);
}

function only(issues: readonly RuleIssue[]): RuleIssue {
  expect(issues).toHaveLength(1);
  const [first] = issues;
  if (!first) throw new Error("no issue");
  return first;
}

/** A complete, plausible Q2 submission: every quarterly indicator filled in. */
const COMPLETE_Q2: SubmissionDraft["values"] = {
  gdp: "1300.50",
  "gdp-growth": "5.3",
  "industrial-va-growth": "6.1",
  "fixed-asset-investment-growth": "4.2",
  "tech-upgrade-investment-growth": "8.0",
  "retail-sales": "520.3",
  "budget-revenue": "70.12",
  "foreign-trade": "210",
  "hightech-manufacturing-share": "12.4",
  "new-business-registrations": "1.25",
  "private-investment-growth": "-2.1",
  pm25: "35.2",
  "good-air-days": "80.1",
  "new-urban-jobs": "2.4",
  "urban-unemployment": "3.2",
  "urban-income": "21500",
  "rural-income": "9800",
};

describe("constants", () => {
  it("exports the thresholds the UI names", () => {
    expect(YOY_THRESHOLDS).toEqual({ relativePercent: 30, percentagePoints: 10 });
    expect(MIN_HISTORY_QUARTERS).toBe(4);
    expect(GROWTH_LEVEL_PAIRS).toEqual({ "gdp-growth": "gdp" });
    expect(Object.isFrozen(YOY_THRESHOLDS)).toBe(true);
  });
});

describe("formIndicators", () => {
  it("leaves annual indicators and empty themes out of Q1–Q3", () => {
    const groups = formIndicators("2025Q1");
    expect(groups.map((group) => group.theme.code)).toEqual([
      "growth",
      "structure",
      "business",
      "green",
      "livelihood",
    ]);
    const codes = groups.flatMap((group) => group.indicators.map((indicator) => indicator.code));
    expect(codes).toEqual(Object.keys(COMPLETE_Q2));
    expect(codes).not.toContain("manufacturing-share");
    expect(formIndicators({ year: 2025, q: 3 })).toEqual(groups);
  });

  it("shows every indicator in Q4", () => {
    const groups = formIndicators("2025Q4");
    expect(groups).toHaveLength(7);
    expect(groups.flatMap((group) => group.indicators)).toHaveLength(INDICATORS.length);
  });
});

describe("checkSubmission: completeness", () => {
  it("finds nothing wrong with a complete, plausible submission", () => {
    expect(checkSubmission(draft("2025Q2", COMPLETE_Q2), "submit")).toEqual([]);
    expect(checkSubmission(draft("2025Q2", COMPLETE_Q2), "draft")).toEqual([]);
  });

  it("lets a draft be partial but asks a submission for every applicable indicator", () => {
    const partial = { gdp: "1300", "gdp-growth": "", pm25: " \u3000" };
    expect(checkSubmission(draft("2025Q2", partial), "draft")).toEqual([]);
    const issues = checkSubmission(draft("2025Q2", partial), "submit");
    const expected = Object.keys(COMPLETE_Q2).filter((code) => code !== "gdp");
    expect(rules(issues)).toEqual(expected.map((code) => `${code} required`));
    expect(issues.every((issue) => issue.severity === "hard" && !issue.explained)).toBe(true);
  });

  it("asks for annual indicators only in Q4", () => {
    const q4 = checkSubmission(draft("2025Q4", {}), "submit");
    expect(rules(q4)).toEqual(INDICATOR_CODES.map((code) => `${code} required`));
    const q3 = checkSubmission(draft("2025Q3", {}), "submit");
    expect(rules(q3)).not.toContain("manufacturing-share required");
    expect(q3).toHaveLength(INDICATORS.filter((indicator) => appliesToQuarter(indicator, "2025Q3")).length);
  });

  it("ignores values of indicators that do not apply to the quarter", () => {
    expect(checkSubmission(draft("2025Q2", { "manufacturing-share": "abc" }), "draft")).toEqual([]);
    expect(checkSubmission(draft("2025Q2", { "manufacturing-share": "250" }), "draft")).toEqual([]);
  });

  it("throws on a malformed quarter", () => {
    expect(() => checkSubmission(draft("2025Q5" as QuarterString, {}), "draft")).toThrow(RangeError);
  });
});

describe("checkSubmission: hard rules", () => {
  it("refuses text that is not a number, naming what was typed", () => {
    const issue = only(checkSubmission(draft("2025Q2", { gdp: " 12亿 " }), "draft"));
    expect(issue).toEqual({
      indicatorCode: "gdp",
      rule: "not-a-number",
      severity: "hard",
      params: { input: "12亿" },
      explained: false,
    });
  });

  it("refuses an ambiguous separator", () => {
    const issue = only(checkSubmission(draft("2025Q2", { gdp: "12,5" }), "draft"));
    expect(issue.rule).toBe("ambiguous-separator");
    expect(issue.params).toEqual({ input: "12,5" });
  });

  it("accepts what officials paste", () => {
    const pasted = { gdp: "１，３００．５０", "gdp-growth": "5.3%", "urban-income": "21 500" };
    expect(checkSubmission(draft("2025Q2", pasted), "draft")).toEqual([]);
  });

  it.each([
    ["good-air-days", "100.1", { value: 100.1, min: 0, max: 100 }],
    ["hightech-manufacturing-share", "-0.1", { value: -0.1, min: 0, max: 100 }],
    ["new-urban-jobs", "-1", { value: -1, min: 0, max: 1000 }],
    ["gdp-growth", "-100.1", { value: -100.1, min: -100, max: 1000 }],
  ] as const)("refuses %s = %s as out of range", (code, text, params) => {
    const issue = only(checkSubmission(draft("2025Q2", { [code]: text }), "draft"));
    expect(issue).toMatchObject({ indicatorCode: code, rule: "range", severity: "hard", params });
  });

  it("accepts the bounds of the range", () => {
    expect(
      checkSubmission(draft("2025Q2", { "good-air-days": "100", "gdp-growth": "-100" }), "draft"),
    ).toEqual([]);
    expect(checkSubmission(draft("2025Q4", { "hightech-enterprises": "0" }), "draft")).toEqual([]);
  });

  it("refuses more decimals than the indicator has, but not trailing zeros", () => {
    const issue = only(checkSubmission(draft("2025Q2", { "gdp-growth": "5.35" }), "draft"));
    expect(issue).toMatchObject({ rule: "decimals", params: { value: 5.35, decimals: 1, given: 2 } });
    expect(
      checkSubmission(draft("2025Q2", { "gdp-growth": "5.30", "urban-income": "21500.00" }), "draft"),
    ).toEqual([]);
    expect(
      only(checkSubmission(draft("2025Q2", { "urban-income": "21500.5" }), "draft")).params,
    ).toMatchObject({
      decimals: 0,
      given: 1,
    });
  });

  it("counts the decimals typed, however small the excess", () => {
    const issue = only(checkSubmission(draft("2025Q2", { gdp: "1234.5600000001" }), "draft"));
    expect(issue).toMatchObject({
      rule: "decimals",
      params: { decimals: 2, given: 10, text: "1234.5600000001" },
    });
  });

  it("reports range and decimals together", () => {
    const issues = checkSubmission(draft("2025Q2", { "good-air-days": "100.55" }), "draft");
    expect(rules(issues)).toEqual(["good-air-days range", "good-air-days decimals"]);
  });

  describe("ytd-decrease", () => {
    const lower = { gdp: "1200" };
    const context = { gdp: ctx({ previousQuarter: 1300 }) };

    it.each(["2025Q2", "2025Q3", "2025Q4"] as const)(
      "refuses a falling year-to-date amount in %s",
      (quarter) => {
        const issue = only(checkSubmission(draft(quarter, lower, context), "draft"));
        expect(issue).toEqual({
          indicatorCode: "gdp",
          rule: "ytd-decrease",
          severity: "hard",
          params: { value: 1200, previous: 1300 },
          explained: false,
        });
      },
    );

    it("never applies in Q1, which starts a new year", () => {
      expect(checkSubmission(draft("2025Q1", lower, context), "draft")).toEqual([]);
    });

    it("allows an equal or higher value", () => {
      expect(checkSubmission(draft("2025Q2", { gdp: "1300" }, context), "draft")).toEqual([]);
      expect(checkSubmission(draft("2025Q2", { gdp: "1300.01" }, context), "draft")).toEqual([]);
      expect(rules(checkSubmission(draft("2025Q2", { gdp: "1299.99" }, context), "draft"))).toEqual([
        "gdp ytd-decrease",
      ]);
    });

    it("is not fooled by float noise in the stored previous value", () => {
      const noisy = { gdp: ctx({ previousQuarter: 1000.12 + 0.1 + 0.2 - 0.3 }) };
      expect(1000.12 + 0.1 + 0.2 - 0.3).toBeGreaterThan(1000.12);
      expect(checkSubmission(draft("2025Q2", { gdp: "1000.12" }, noisy), "draft")).toEqual([]);
    });

    it("applies to cumulative counts too", () => {
      const jobs = { "new-urban-jobs": ctx({ previousQuarter: 2.5 }) };
      expect(rules(checkSubmission(draft("2025Q3", { "new-urban-jobs": "2.4" }, jobs), "draft"))).toEqual([
        "new-urban-jobs ytd-decrease",
      ]);
    });

    it("does not apply to rates, shares, averages or non-cumulative figures", () => {
      const context = {
        "gdp-growth": ctx({ previousQuarter: 6 }),
        "good-air-days": ctx({ previousQuarter: 90 }),
        pm25: ctx({ previousQuarter: 40 }),
        "urban-unemployment": ctx({ previousQuarter: 4 }),
      };
      const values = { "gdp-growth": "5", "good-air-days": "80", pm25: "30", "urban-unemployment": "3" };
      expect(checkSubmission(draft("2025Q3", values, context), "draft")).toEqual([]);
    });
  });
});

describe("checkSubmission: soft rules", () => {
  describe("yoy-change", () => {
    it("flags a relative change above 30 % for amounts", () => {
      const context = { gdp: ctx({ lastYear: 1000 }) };
      const issue = only(checkSubmission(draft("2025Q2", { gdp: "1300.01" }, context), "draft"));
      expect(issue).toEqual({
        indicatorCode: "gdp",
        rule: "yoy-change",
        severity: "soft",
        params: { value: 1300.01, lastYear: 1000, changePercent: 30, threshold: 30 },
        explained: false,
      });
      const fall = only(checkSubmission(draft("2025Q2", { gdp: "650" }, context), "draft"));
      expect(fall.params).toMatchObject({ changePercent: -35 });
    });

    it("allows exactly 30 %, without float noise", () => {
      expect(13000 / 10000 - 1).toBeGreaterThan(0.3);
      const context = { "urban-income": ctx({ lastYear: 10000 }), gdp: ctx({ lastYear: 1000 }) };
      const values = { "urban-income": "13000", gdp: "700" };
      expect(checkSubmission(draft("2025Q2", values, context), "draft")).toEqual([]);
    });

    it("uses the relative change for counts and averages", () => {
      const context = { "new-urban-jobs": ctx({ lastYear: 2 }), pm25: ctx({ lastYear: 40 }) };
      const values = { "new-urban-jobs": "2.61", pm25: "27.9" };
      expect(rules(checkSubmission(draft("2025Q2", values, context), "draft"))).toEqual([
        "pm25 yoy-change",
        "new-urban-jobs yoy-change",
      ]);
    });

    it("skips a relative change from zero", () => {
      const context = { "foreign-trade": ctx({ lastYear: 0 }) };
      expect(checkSubmission(draft("2025Q2", { "foreign-trade": "50" }, context), "draft")).toEqual([]);
    });

    it("uses percentage points for rates and shares", () => {
      expect(20.1 - 10.1).toBeGreaterThan(10);
      const context = { "gdp-growth": ctx({ lastYear: 10.1 }), "good-air-days": ctx({ lastYear: 80 }) };
      expect(
        checkSubmission(draft("2025Q2", { "gdp-growth": "20.1", "good-air-days": "70" }, context), "draft"),
      ).toEqual([]);
      const issues = checkSubmission(
        draft("2025Q2", { "gdp-growth": "20.2", "good-air-days": "69.9" }, context),
        "draft",
      );
      expect(issues.map((issue) => issue.params)).toEqual([
        { value: 20.2, lastYear: 10.1, changePoints: 10.1, threshold: 10 },
        { value: 69.9, lastYear: 80, changePoints: -10.1, threshold: 10 },
      ]);
    });

    it("checks rates against last year even when last year was zero", () => {
      const context = { "private-investment-growth": ctx({ lastYear: 0 }) };
      expect(
        rules(checkSubmission(draft("2025Q2", { "private-investment-growth": "-12" }, context), "draft")),
      ).toEqual(["private-investment-growth yoy-change"]);
    });
  });

  describe("outside-history", () => {
    const history = (count: number) => ({ gdp: ctx({ history: { min: 900, max: 1500, count } }) });

    it("flags a value more than 30 % outside the zone's range once there are enough quarters", () => {
      const issue = only(checkSubmission(draft("2025Q2", { gdp: "1950.01" }, history(4)), "draft"));
      expect(issue).toMatchObject({
        rule: "outside-history",
        severity: "soft",
        params: { value: 1950.01, min: 900, max: 1500, count: 4, margin: 30 },
      });
      expect(rules(checkSubmission(draft("2025Q2", { gdp: "629.99" }, history(12)), "draft"))).toEqual([
        "gdp outside-history",
      ]);
    });

    it("accepts growth beyond the old maximum within the margin, and the margin's bounds", () => {
      expect(checkSubmission(draft("2025Q2", { gdp: "1500.01" }, history(4)), "draft")).toEqual([]);
      expect(checkSubmission(draft("2025Q2", { gdp: "630" }, history(4)), "draft")).toEqual([]);
      expect(checkSubmission(draft("2025Q2", { gdp: "1950" }, history(4)), "draft")).toEqual([]);
    });

    it("uses percentage points for rates and shares", () => {
      const rate = { "urban-unemployment": ctx({ history: { min: 3, max: 5, count: 8 } }) };
      expect(checkSubmission(draft("2025Q2", { "urban-unemployment": "15" }, rate), "draft")).toEqual([]);
      expect(
        rules(checkSubmission(draft("2025Q2", { "urban-unemployment": "15.1" }, rate), "draft")),
      ).toEqual(["urban-unemployment outside-history"]);
    });

    it("says nothing with fewer than four quarters of history", () => {
      expect(checkSubmission(draft("2025Q2", { gdp: "5000" }, history(3)), "draft")).toEqual([]);
    });
  });

  describe("growth-sign", () => {
    const context = (levelLastYear: number | null) => ({ gdp: ctx({ lastYear: levelLastYear }) });

    it("flags a negative growth rate while the level rose", () => {
      const issues = checkSubmission(
        draft("2025Q2", { gdp: "1100", "gdp-growth": "-2" }, context(1000)),
        "draft",
      );
      expect(issues).toEqual([
        {
          indicatorCode: "gdp-growth",
          rule: "growth-sign",
          severity: "soft",
          params: { growth: -2, level: 1100, lastYear: 1000, levelCode: "gdp" },
          explained: false,
        },
      ]);
    });

    it("flags a positive growth rate while the level fell", () => {
      const issues = checkSubmission(
        draft("2025Q2", { gdp: "950", "gdp-growth": "1.5" }, context(1000)),
        "draft",
      );
      expect(rules(issues)).toEqual(["gdp-growth growth-sign"]);
    });

    it("accepts matching directions and zeros", () => {
      for (const [level, growth] of [
        ["1100", "5"],
        ["950", "-1"],
        ["1000", "-3"],
        ["1100", "0"],
      ]) {
        const values = { gdp: level, "gdp-growth": growth };
        expect(checkSubmission(draft("2025Q2", values, context(1000)), "draft")).toEqual([]);
      }
    });

    it("needs the level, its value last year and valid figures", () => {
      expect(checkSubmission(draft("2025Q2", { "gdp-growth": "-2" }, context(1000)), "draft")).toEqual([]);
      expect(
        checkSubmission(draft("2025Q2", { gdp: "1100", "gdp-growth": "-2" }, context(null)), "draft"),
      ).toEqual([]);
      const badLevel = checkSubmission(
        draft("2025Q2", { gdp: "1100.123", "gdp-growth": "-2" }, context(1000)),
        "draft",
      );
      expect(rules(badLevel)).toEqual(["gdp decimals"]);
    });
  });

  it("runs only on values that pass the hard rules", () => {
    const context = {
      gdp: ctx({ previousQuarter: 1300, lastYear: 100, history: { min: 0, max: 10, count: 8 } }),
      "good-air-days": ctx({ lastYear: 10 }),
    };
    const issues = checkSubmission(
      draft("2025Q2", { gdp: "1200", "good-air-days": "101" }, context),
      "draft",
    );
    expect(rules(issues)).toEqual(["gdp ytd-decrease", "good-air-days range"]);
  });

  it("marks soft issues explained when the filer wrote a note", () => {
    const context = { gdp: ctx({ lastYear: 1000 }), "retail-sales": ctx({ lastYear: 100 }) };
    const values = { gdp: "2000", "retail-sales": "200" };
    const notes = { gdp: "新建大型项目投产", "retail-sales": " \u3000 " };
    const issues = checkSubmission(draft("2025Q2", values, context, notes), "draft");
    expect(issues.map((issue) => [issue.indicatorCode, issue.explained])).toEqual([
      ["gdp", true],
      ["retail-sales", false],
    ]);
  });

  it("never marks hard issues explained", () => {
    const issues = checkSubmission(draft("2025Q2", { gdp: "abc" }, {}, { gdp: "说明" }), "submit");
    expect(issues.find((issue) => issue.indicatorCode === "gdp")?.explained).toBe(false);
  });
});

describe("checkSubmission: order", () => {
  it("lists issues in catalogue order, hard before soft for an indicator", () => {
    const context: Partial<Record<IndicatorCode, IndicatorContext>> = {
      gdp: ctx({ lastYear: 1000, history: { min: 900, max: 1100, count: 8 } }),
      "gdp-growth": ctx({ lastYear: 5 }),
      "retail-sales": ctx({ previousQuarter: 600 }),
    };
    const values = { ...COMPLETE_Q2, gdp: "2000", "gdp-growth": "-6", pm25: "x", "retail-sales": "500" };
    delete (values as Record<string, string>)["rural-income"];
    expect(rules(checkSubmission(draft("2025Q2", values, context), "submit"))).toEqual([
      "gdp yoy-change",
      "gdp outside-history",
      "gdp-growth yoy-change",
      "gdp-growth growth-sign",
      "retail-sales ytd-decrease",
      "pm25 not-a-number",
      "rural-income required",
    ]);
  });
});

describe("blocksSubmission", () => {
  const base = { indicatorCode: "gdp", rule: "yoy-change", params: {} } as const;

  it("blocks on any hard issue, or a soft one without an explanation", () => {
    expect(blocksSubmission([])).toBe(false);
    expect(blocksSubmission([{ ...base, severity: "soft", explained: true }])).toBe(false);
    expect(blocksSubmission([{ ...base, severity: "soft", explained: false }])).toBe(true);
    expect(blocksSubmission([{ ...base, rule: "range", severity: "hard", explained: false }])).toBe(true);
    expect(
      blocksSubmission([
        { ...base, severity: "soft", explained: true },
        { ...base, rule: "range", severity: "hard", explained: true },
      ]),
    ).toBe(true);
  });
});
