import { describe, expect, it } from "vitest";

import {
  DEFAULT_RATING_THRESHOLDS,
  type EvaluationRating,
  finalScore,
  fullYearQuarter,
  type Rubric,
  ratingOf,
  scoreUnits,
  scoreValue,
  statusWarning,
} from "./evaluation";
import { checkAdjustment, checkEvaluationYear, checkRubric, joinIssues } from "./evaluation-rubric";
import { defaultRubric, PUBLISHED_RATINGS } from "./evaluation-template";
import { INDICATOR_CODES, INDICATORS } from "./indicators";
import { ZONE_CODES } from "./zones";

const CATALOGUE = new Set<string>(INDICATOR_CODES);

/** The entry at `index`, which the test knows is there. */
function at<T>(list: readonly T[], index: number): T {
  const entry = list[index];
  if (entry === undefined) throw new Error(`no entry ${index}`);
  return entry;
}

describe("scoreValue", () => {
  it("percentile: the share of the other reporters beaten, ties half, by direction", () => {
    const peers = [10, 20, 30, 40, 50];
    expect(scoreValue({ kind: "percentile" }, 50, "higher", peers)).toBe(100);
    expect(scoreValue({ kind: "percentile" }, 10, "higher", peers)).toBe(0);
    expect(scoreValue({ kind: "percentile" }, 30, "higher", peers)).toBe(50);
    expect(scoreValue({ kind: "percentile" }, 10, "lower", peers)).toBe(100);
    expect(scoreValue({ kind: "percentile" }, 20, "higher", [20, 20, 10])).toBe(75);
    expect(scoreValue({ kind: "percentile" }, 7, "higher", [7])).toBe(100);
    expect(scoreValue({ kind: "percentile" }, 1, "higher", [1, 2, 3])).toBe(0);
  });

  it("linear: 0 at the floor, 100 at the full value, clamped, either way round", () => {
    const rule = { kind: "linear", floor: 50, full: 90 } as const;
    expect(scoreValue(rule, 50, "higher", [])).toBe(0);
    expect(scoreValue(rule, 70, "higher", [])).toBe(50);
    expect(scoreValue(rule, 90, "higher", [])).toBe(100);
    expect(scoreValue(rule, 20, "higher", [])).toBe(0);
    expect(scoreValue(rule, 120, "higher", [])).toBe(100);
    expect(scoreValue({ kind: "linear", floor: 60, full: 30 }, 40, "lower", [])).toBe(66.67);
  });

  it("threshold: met at or beyond the target in the indicator's direction", () => {
    expect(scoreValue({ kind: "threshold", target: 3 }, 3, "higher", [])).toBe(100);
    expect(scoreValue({ kind: "threshold", target: 3 }, 2.9, "higher", [])).toBe(0);
    expect(scoreValue({ kind: "threshold", target: 35 }, 35, "lower", [])).toBe(100);
    expect(scoreValue({ kind: "threshold", target: 35 }, 35.1, "lower", [])).toBe(0);
  });
});

describe("ratingOf and finalScore", () => {
  it("rates by the default thresholds 90 / 75 / 60", () => {
    expect(DEFAULT_RATING_THRESHOLDS).toEqual({ excellent: 90, good: 75, pass: 60 });
    expect(ratingOf(90)).toBe("excellent");
    expect(ratingOf(89.99)).toBe("good");
    expect(ratingOf(75)).toBe("good");
    expect(ratingOf(74.99)).toBe("pass");
    expect(ratingOf(60)).toBe("pass");
    expect(ratingOf(59.99)).toBe("poor");
    expect(ratingOf(0)).toBe("poor");
  });

  it("rates by a rubric's own thresholds", () => {
    expect(ratingOf(85, { excellent: 85, good: 70, pass: 50 })).toBe("excellent");
    expect(ratingOf(55, { excellent: 85, good: 70, pass: 50 })).toBe("pass");
  });

  it("adds an adjustment exactly and keeps the result within 0–100", () => {
    expect(finalScore(70.1, 0.2)).toBe(70.3);
    expect(finalScore(70, null)).toBe(70);
    expect(finalScore(95, 10)).toBe(100);
    expect(finalScore(5, -10)).toBe(0);
  });
});

describe("statusWarning", () => {
  const history = (entries: [number, EvaluationRating][]) => new Map(entries);
  it("warns on a second 较差 in a row and takes the status on the third", () => {
    expect(statusWarning(history([[2024, "poor"]]), 2024)).toBeNull();
    expect(
      statusWarning(
        history([
          [2023, "poor"],
          [2024, "poor"],
        ]),
        2024,
      ),
    ).toBe("second-poor");
    expect(
      statusWarning(
        history([
          [2022, "poor"],
          [2023, "poor"],
          [2024, "poor"],
        ]),
        2024,
      ),
    ).toBe("loses-status");
  });

  it("counts only unbroken runs ending in the year", () => {
    expect(
      statusWarning(
        history([
          [2022, "poor"],
          [2024, "poor"],
        ]),
        2024,
      ),
    ).toBeNull();
    expect(
      statusWarning(
        history([
          [2023, "poor"],
          [2024, "pass"],
        ]),
        2024,
      ),
    ).toBeNull();
    expect(
      statusWarning(
        history([
          [2022, "poor"],
          [2023, "good"],
          [2024, "poor"],
        ]),
        2024,
      ),
    ).toBeNull();
  });
});

describe("fullYearQuarter", () => {
  it("is the year's fourth quarter (Q4 year-to-date, annual values)", () => {
    expect(fullYearQuarter(2025)).toBe("2025Q4");
  });
});

describe("scoreUnits", () => {
  const rubric: Rubric = {
    year: 2025,
    thresholds: { excellent: 90, good: 75, pass: 60 },
    dimensions: [
      {
        code: "a",
        name: { zh: "甲", en: "A" },
        weight: 60,
        items: [
          { indicatorCode: "gdp", weight: 50, rule: { kind: "percentile" } },
          { indicatorCode: "pm25", weight: 50, rule: { kind: "threshold", target: 35 } },
        ],
      },
      {
        code: "b",
        name: { zh: "乙", en: "B" },
        weight: 40,
        items: [{ indicatorCode: "rd-intensity", weight: 100, rule: { kind: "linear", floor: 1, full: 3 } }],
      },
    ],
  };
  const directions = new Map(INDICATORS.map((i) => [i.code, i.direction] as const));

  it("weights items within dimensions and dimensions within the total", () => {
    const values = new Map([
      [
        "Z1",
        new Map([
          ["gdp", 200],
          ["pm25", 30],
          ["rd-intensity", 3],
        ]),
      ],
      [
        "Z2",
        new Map([
          ["gdp", 100],
          ["pm25", 40],
          ["rd-intensity", 2],
        ]),
      ],
    ]);
    const [z1, z2] = scoreUnits(rubric, values, directions);
    expect(z1).toEqual({
      unit: "Z1",
      dimensions: { a: 100, b: 100 },
      total: 100,
      rating: "excellent",
      missingItems: 0,
    });
    expect(z2).toEqual({
      unit: "Z2",
      dimensions: { a: 0, b: 50 },
      total: 20,
      rating: "poor",
      missingItems: 0,
    });
  });

  it("scores a missing item 0 and leaves out a unit with none of the rubric's indicators", () => {
    const values = new Map([
      ["Z1", new Map([["gdp", 200]])],
      ["Z2", new Map([["gdp", 100]])],
      ["Z3", new Map([["retail-sales", 5]])],
    ]);
    const scores = scoreUnits(rubric, values, directions);
    expect(scores.map((score) => score.unit)).toEqual(["Z1", "Z2"]);
    expect(scores[0]).toMatchObject({ dimensions: { a: 50, b: 0 }, total: 30, missingItems: 2 });
  });

  it("ranks by percentile among the reporting units only", () => {
    const values = new Map([
      ["Z1", new Map([["gdp", 1]])],
      ["Z2", new Map([["pm25", 10]])],
    ]);
    const [z1] = scoreUnits(rubric, values, directions);
    // Z1 is the only one with gdp: 100 points on it.
    expect(z1?.dimensions.a).toBe(50);
  });
});

describe("checkRubric", () => {
  it("accepts the default template of every year", () => {
    const check = checkRubric(defaultRubric(2025), CATALOGUE);
    expect(check).toEqual({ ok: true, rubric: defaultRubric(2025) });
    if (check.ok)
      expect(check.rubric.dimensions.map((d) => d.name.zh)).toEqual([
        "园区建设",
        "产业发展",
        "城市更新",
        "绿色低碳",
      ]);
  });

  it("gives each call its own copy of the template", () => {
    const rubric = defaultRubric(2025);
    at(rubric.dimensions, 0).weight = 1;
    expect(at(defaultRubric(2025).dimensions, 0).weight).toBe(25);
  });

  it("refuses weights that do not sum to 100, naming the field in Chinese and English", () => {
    const rubric = defaultRubric(2025);
    at(rubric.dimensions, 1).weight = 30;
    at(at(rubric.dimensions, 2).items, 0).weight = 10;
    const check = checkRubric(rubric, CATALOGUE);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues.map((issue) => issue.path.join("."))).toEqual(["dimensions.2.items", "dimensions"]);
    expect(check.issues[1]?.message.zh).toBe("维度：权重合计须为 100（现为 105）");
    expect(check.issues[0]?.message.zh).toContain("第 3 个维度的指标项");
    expect(check.issues[0]?.message.en).toContain("dimension 3, items");
  });

  it("refuses an unknown indicator, a repeated one, a repeated code, bad rules and thresholds", () => {
    const rubric = defaultRubric(2025) as unknown as {
      dimensions: { code: string; items: { indicatorCode: string; rule: unknown }[] }[];
      thresholds: unknown;
    };
    at(at(rubric.dimensions, 0).items, 0).indicatorCode = "no-such";
    at(at(rubric.dimensions, 0).items, 1).indicatorCode = "pm25";
    at(rubric.dimensions, 1).code = "parks";
    at(at(rubric.dimensions, 1).items, 0).rule = { kind: "linear", floor: 2, full: 2 };
    at(at(rubric.dimensions, 1).items, 1).rule = { kind: "magic" };
    rubric.thresholds = { excellent: 60, good: 75, pass: 90 };
    const check = checkRubric(rubric, CATALOGUE);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues.map((issue) => issue.path.join("."))).toEqual([
      "dimensions.0.items.0.indicatorCode",
      "dimensions.1.items.0.rule.full",
      "dimensions.1.items.1.rule.kind",
      "dimensions.1.code",
      "dimensions.3.items.2.indicatorCode",
      "thresholds",
    ]);
    expect(check.issues[0]?.message.zh).toBe("第 1 个维度的第 1 项的指标代码：不是指标目录中的指标");
  });

  it("refuses hostile shapes without throwing", () => {
    for (const input of [null, 42, "rubric", [], { year: 2025 }, { year: 1900, dimensions: [] }]) {
      const check = checkRubric(input, CATALOGUE);
      expect(check.ok).toBe(false);
    }
    const huge = {
      year: 2025,
      dimensions: Array.from({ length: 9 }, () => defaultRubric(2025).dimensions[0]),
    };
    const check = checkRubric(huge, CATALOGUE);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.issues[0]?.message.zh).toBe("维度：须有 1 到 8 个");
  });

  it("refuses over-long, empty or malformed names and codes, NaN and too many decimals", () => {
    const rubric = defaultRubric(2025) as unknown as {
      dimensions: { code: string; name: { zh: string; en: string }; weight: number }[];
    };
    at(rubric.dimensions, 0).name.zh = "长".repeat(61);
    at(rubric.dimensions, 0).name.en = "   ";
    at(rubric.dimensions, 0).code = "Parks!";
    at(rubric.dimensions, 1).weight = Number.NaN;
    at(rubric.dimensions, 2).weight = 25.001;
    const check = checkRubric(rubric, CATALOGUE);
    if (check.ok) throw new Error("accepted");
    expect(check.issues.map((issue) => issue.path.join("."))).toEqual([
      "dimensions.0.code",
      "dimensions.0.name.zh",
      "dimensions.0.name.en",
      "dimensions.1.weight",
      "dimensions.2.weight",
    ]);
  });
});

describe("the published ratings of 2018", () => {
  it("name catalogue zones, once each, as the domain notes give them", () => {
    expect(
      PUBLISHED_RATINGS.every((entry) => (ZONE_CODES as readonly string[]).includes(entry.zoneCode)),
    ).toBe(true);
    expect(new Set(PUBLISHED_RATINGS.map((entry) => entry.zoneCode)).size).toBe(PUBLISHED_RATINGS.length);
    const by = (rating: EvaluationRating) =>
      PUBLISHED_RATINGS.filter((entry) => entry.rating === rating).map((entry) => entry.zoneCode);
    expect(by("excellent")).toEqual(["HB-HS", "HN-C", "SC-ZG"]);
    expect(by("good")).toEqual(["SX-CZ", "HE-TS", "SD-ZB", "AH-TL", "CQ-M"]);
    expect(by("pass")).toEqual(["NM-W"]);
  });
});

describe("checkAdjustment and checkEvaluationYear", () => {
  it("takes points within ±20 with 2 decimals and a trimmed reason of 4–500 characters", () => {
    expect(checkAdjustment({ adjustment: -20, reason: "  专家评审意见  " })).toEqual({
      ok: true,
      value: { adjustment: -20, reason: "专家评审意见" },
    });
    expect(checkAdjustment({ adjustment: 0, reason: "撤销调整" }).ok).toBe(true);
  });

  it("refuses everything else, naming each field", () => {
    const check = checkAdjustment({ adjustment: 20.5, reason: "短" });
    if (check.ok) throw new Error("accepted");
    expect(check.issues.map((issue) => issue.path)).toEqual([["adjustment"], ["reason"]]);
    expect(joinIssues(check.issues).zh).toBe(
      "调整分值：须为 -20 到 20 之间的数，最多 2 位小数；调整理由：须为 4 到 500 个字符",
    );
    expect(joinIssues(check.issues).en).toBe(
      "adjustment: must be a number from -20 to 20 with at most 2 decimals; reason: must be 4 to 500 characters",
    );
    for (const adjustment of [Number.NaN, Number.POSITIVE_INFINITY, "5", null, 1.001]) {
      expect(checkAdjustment({ adjustment, reason: "专家评审意见" }).ok).toBe(false);
    }
    for (const reason of [null, 42, "长".repeat(501), "理由\u0007含控制符"]) {
      expect(checkAdjustment({ adjustment: 1, reason }).ok).toBe(false);
    }
  });

  it("takes the years 2017–2099 only, whole", () => {
    expect(checkEvaluationYear(2018)).toEqual({ ok: true, value: 2018 });
    for (const year of [2016, 2100, 2025.5, "2025", null]) expect(checkEvaluationYear(year).ok).toBe(false);
  });
});
