import { describe, expect, it } from "vitest";
import { INDICATORS } from "./indicators";
import {
  changeModel,
  countByStatus,
  countingValue,
  defaultComparison,
  quarterEndYear,
  TARGET_STATUS_LABELS,
  TARGET_STATUSES,
  type TargetProgressInput,
  targetProgress,
  targetReading,
} from "./targets";

/** R&D intensity (a share of GDP, in %): 2.0 in 2020, to reach 2.5 by 2025: 0.1 points a year. */
const rd: TargetProgressInput = {
  comparison: "at-least",
  targetValue: 2.5,
  targetYear: 2025,
  baselineYear: 2020,
  measure: "share",
  baseline: 2,
  latest: { quarter: "2023Q4", value: 2.3 },
};

describe("targetProgress, linear (shares and rates)", () => {
  it("is on track when the achieved change per year keeps pace with the required one", () => {
    const progress = targetProgress(rd);
    expect(progress.status).toBe("on-track");
    expect(progress.model).toBe("linear");
    expect(progress.requiredRate).toBeCloseTo(0.1, 10);
    expect(progress.achievedRate).toBeCloseTo(0.1, 10);
    expect(progress.ratio).toBeCloseTo(1, 10);
  });

  it("is at risk from half the required pace, off track below it", () => {
    expect(targetProgress({ ...rd, latest: { quarter: "2023Q4", value: 2.15 } }).status).toBe("at-risk");
    expect(targetProgress({ ...rd, latest: { quarter: "2023Q4", value: 2.149 } }).status).toBe("off-track");
    expect(targetProgress({ ...rd, latest: { quarter: "2023Q4", value: 2.29 } }).status).toBe("at-risk");
  });

  it("is off track when moving the wrong way", () => {
    const progress = targetProgress({ ...rd, latest: { quarter: "2023Q4", value: 1.9 } });
    expect(progress.status).toBe("off-track");
    expect(progress.ratio).toBeLessThan(0);
  });

  it("is met once the value satisfies the target, whatever the pace", () => {
    expect(targetProgress({ ...rd, latest: { quarter: "2021Q2", value: 2.5 } }).status).toBe("met");
    expect(targetProgress({ ...rd, baseline: null, latest: { quarter: "2021Q2", value: 2.6 } }).status).toBe(
      "met",
    );
  });

  it("counts a quarter's value at its quarter's end: 2023Q2 is 2.5 years after the 2020 baseline", () => {
    // 0.25 points in 2.5 years = 0.1 a year: on track; the same value at 2023Q4 would be behind.
    expect(targetProgress({ ...rd, latest: { quarter: "2023Q2", value: 2.25 } }).status).toBe("on-track");
    expect(targetProgress({ ...rd, latest: { quarter: "2023Q4", value: 2.25 } }).status).toBe("at-risk");
  });

  it("is off track once the target year is over without reaching the target", () => {
    expect(targetProgress({ ...rd, latest: { quarter: "2025Q4", value: 2.49 } }).status).toBe("off-track");
    expect(targetProgress({ ...rd, latest: { quarter: "2026Q2", value: 2.49 } }).status).toBe("off-track");
  });

  it("is off track when the baseline met the target and the value has slipped back", () => {
    expect(targetProgress({ ...rd, baseline: 2.6, latest: { quarter: "2022Q4", value: 2.4 } }).status).toBe(
      "off-track",
    );
  });

  it("has no data without a value, without a baseline, or with no time since the baseline", () => {
    expect(targetProgress({ ...rd, latest: null }).status).toBe("no-data");
    expect(targetProgress({ ...rd, baseline: null }).status).toBe("no-data");
    expect(targetProgress({ ...rd, latest: { quarter: "2020Q4", value: 2.1 } }).status).toBe("no-data");
    expect(targetProgress({ ...rd, latest: { quarter: "2019Q4", value: 2.1 } }).status).toBe("no-data");
  });

  it("reads a ceiling the other way round (urban unemployment at most 5 %)", () => {
    const ceiling: TargetProgressInput = {
      comparison: "at-most",
      targetValue: 5,
      targetYear: 2025,
      baselineYear: 2020,
      measure: "rate",
      baseline: 6,
      latest: { quarter: "2022Q4", value: 5.6 },
    };
    expect(targetProgress(ceiling).status).toBe("on-track");
    expect(targetProgress({ ...ceiling, latest: { quarter: "2022Q4", value: 5.8 } }).status).toBe("at-risk");
    expect(targetProgress({ ...ceiling, latest: { quarter: "2022Q4", value: 6.2 } }).status).toBe(
      "off-track",
    );
    expect(targetProgress({ ...ceiling, latest: { quarter: "2022Q4", value: 5 } }).status).toBe("met");
  });

  it("handles growth rates below zero linearly (a fall of 3 % to a rise of 2 %)", () => {
    const growth: TargetProgressInput = {
      comparison: "at-least",
      targetValue: 2,
      targetYear: 2025,
      baselineYear: 2020,
      measure: "rate",
      baseline: -3,
      latest: { quarter: "2022Q4", value: -1 },
    };
    const progress = targetProgress(growth);
    expect(progress.model).toBe("linear");
    expect(progress.requiredRate).toBeCloseTo(1, 10);
    expect(progress.achievedRate).toBeCloseTo(1, 10);
    expect(progress.status).toBe("on-track");
  });
});

describe("targetProgress, compound (amounts, counts, averages)", () => {
  /** GDP of 1,000 (亿元) in 2020 to double by 2030: 7.18 % a year. */
  const gdp: TargetProgressInput = {
    comparison: "at-least",
    targetValue: 2000,
    targetYear: 2030,
    baselineYear: 2020,
    measure: "amount",
    baseline: 1000,
    latest: { quarter: "2024Q4", value: 1420 },
  };

  it("compares yearly growth rates, not yearly amounts", () => {
    const progress = targetProgress(gdp);
    expect(progress.model).toBe("compound");
    expect(progress.requiredRate).toBeCloseTo(2 ** 0.1 - 1, 10);
    expect(progress.achievedRate).toBeCloseTo(1.42 ** 0.25 - 1, 10);
    // 9.2 % a year against the 7.2 % required.
    expect(progress.status).toBe("on-track");
    // 1,300 after 4 years grows 6.8 % a year against the 7.2 % required: ratio 0.94.
    expect(targetProgress({ ...gdp, latest: { quarter: "2024Q4", value: 1300 } }).status).toBe("at-risk");
  });

  it("falls back to linear change when a value is 0 or below", () => {
    const counts: TargetProgressInput = {
      ...gdp,
      measure: "count",
      targetValue: 10,
      baseline: 0,
      latest: { quarter: "2025Q4", value: 5 },
    };
    const progress = targetProgress(counts);
    expect(progress.model).toBe("linear");
    expect(progress.requiredRate).toBeCloseTo(1, 10);
    expect(progress.achievedRate).toBeCloseTo(1, 10);
    expect(progress.status).toBe("on-track");
  });

  it("reads a falling average (PM2.5 from 50 to at most 35 µg/m³ by 2025)", () => {
    const pm25: TargetProgressInput = {
      comparison: "at-most",
      targetValue: 35,
      targetYear: 2025,
      baselineYear: 2020,
      measure: "average",
      baseline: 50,
      latest: { quarter: "2023Q4", value: 40 },
    };
    expect(targetProgress(pm25).status).toBe("on-track");
    expect(targetProgress({ ...pm25, latest: { quarter: "2023Q4", value: 44 } }).status).toBe("at-risk");
    expect(targetProgress({ ...pm25, latest: { quarter: "2023Q4", value: 46 } }).status).toBe("off-track");
  });
});

describe("changeModel", () => {
  it("is linear for rates and shares, compound for positive amounts, counts and averages", () => {
    expect(changeModel("rate", 1, 2)).toBe("linear");
    expect(changeModel("share", 1, 2)).toBe("linear");
    expect(changeModel("amount", 1, 2)).toBe("compound");
    expect(changeModel("count", 1, 2)).toBe("compound");
    expect(changeModel("average", 1, 2)).toBe("compound");
    expect(changeModel("amount", 0, 2)).toBe("linear");
    expect(changeModel("average", 5, -1)).toBe("linear");
  });
});

describe("which value counts", () => {
  const byCode = (code: string) => {
    const indicator = INDICATORS.find((candidate) => candidate.code === code);
    if (!indicator) throw new Error(code);
    return indicator;
  };

  it("counts full years for annual indicators and year-to-date totals, the latest quarter otherwise", () => {
    expect(targetReading(byCode("rd-intensity"))).toBe("full-year"); // annual
    expect(targetReading(byCode("gdp"))).toBe("full-year"); // YTD total
    expect(targetReading(byCode("new-urban-jobs"))).toBe("full-year");
    expect(targetReading(byCode("gdp-growth"))).toBe("latest"); // YTD growth rate
    expect(targetReading(byCode("pm25"))).toBe("latest"); // YTD average
    expect(targetReading({ frequency: "quarterly", cumulative: true, measure: "share" })).toBe("latest");
    expect(targetReading({ frequency: "quarterly", cumulative: false, measure: "amount" })).toBe("latest");
  });

  it("picks the matching candidate", () => {
    const candidates = {
      latestFullYear: { quarter: "2024Q4", value: 1 },
      latestQuarter: { quarter: "2025Q2", value: 2 },
    };
    expect(countingValue(byCode("gdp"), candidates)).toEqual({ quarter: "2024Q4", value: 1 });
    expect(countingValue(byCode("gdp-growth"), candidates)).toEqual({ quarter: "2025Q2", value: 2 });
    expect(countingValue(byCode("gdp"), { latestFullYear: null, latestQuarter: null })).toBeNull();
  });

  it("places quarters on the year scale", () => {
    expect(quarterEndYear("2025Q4")).toBe(2025);
    expect(quarterEndYear("2025Q1")).toBe(2024.25);
  });
});

describe("labels and defaults", () => {
  it("labels every status in both languages", () => {
    for (const status of TARGET_STATUSES) {
      expect(TARGET_STATUS_LABELS[status].zh).not.toBe("");
      expect(TARGET_STATUS_LABELS[status].en).not.toBe("");
    }
    expect(TARGET_STATUS_LABELS.met.zh).toBe("已达标");
  });

  it("defaults the comparison from the indicator's direction", () => {
    expect(defaultComparison("higher")).toBe("at-least");
    expect(defaultComparison("lower")).toBe("at-most");
  });

  it("counts statuses, every status present", () => {
    expect(countByStatus(["met", "met", "at-risk"])).toEqual({
      met: 2,
      "on-track": 0,
      "at-risk": 1,
      "off-track": 0,
      "no-data": 0,
    });
  });
});
