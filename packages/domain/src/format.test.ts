import { describe, expect, it } from "vitest";
import {
  formatChange,
  formatCompact,
  formatNumber,
  formatQuarterLabel,
  formatValue,
  formatYtdLabel,
  localized,
} from "./format";
import { getIndicator } from "./indicators";
import type { QuarterString } from "./quarter";

const YEAR_2025: readonly QuarterString[] = ["2025Q1", "2025Q2", "2025Q3", "2025Q4"];

describe("formatNumber / formatCompact", () => {
  it("groups digits and fixes decimals", () => {
    expect(formatNumber(12345.678, "en", { decimals: 2 })).toBe("12,345.68");
    expect(formatNumber(12345.678, "zh-CN", { decimals: 1 })).toBe("12,345.7");
    expect(formatNumber(5, "en", { decimals: 1 })).toBe("5.0");
    expect(formatNumber(-0.04, "en", { decimals: 1 })).toBe("0.0");
  });

  it("uses 万 and 亿 in Chinese", () => {
    expect(formatCompact(123456789, "zh-CN")).toContain("亿");
    expect(formatCompact(123456789, "zh-CN")).toBe("1.2亿");
    expect(formatCompact(54000, "zh-CN")).toContain("万");
    expect(formatCompact(123456789, "en")).toBe("123M");
  });

  it("shows a dash for missing values", () => {
    expect(formatNumber(null, "en")).toBe("—");
    expect(formatNumber(undefined, "zh-CN")).toBe("—");
    expect(formatNumber(Number.NaN, "en")).toBe("—");
    expect(formatCompact(null, "zh-CN")).toBe("—");
    expect(formatValue(undefined, getIndicator("gdp"), "en")).toBe("—");
    expect(formatChange(null, "en")).toBe("—");
  });
});

describe("formatValue", () => {
  it("puts % right after the number in both languages", () => {
    const growth = getIndicator("gdp-growth");
    expect(formatValue(5.3, growth, "zh-CN")).toBe("5.3%");
    expect(formatValue(5.3, growth, "en")).toBe("5.3%");
    expect(formatValue(-2, growth, "en")).toBe("-2.0%");
  });

  it("spaces other units in English only, with the indicator's decimals", () => {
    const gdp = getIndicator("gdp");
    expect(formatValue(1929.5, gdp, "zh-CN")).toBe("1,929.50亿元");
    expect(formatValue(1929.5, gdp, "en")).toBe("1,929.50 100 million yuan");
    const firms = getIndicator("hightech-enterprises");
    expect(formatValue(412, firms, "zh-CN")).toBe("412家");
    expect(formatValue(412, firms, "en")).toBe("412 firms");
    expect(formatValue(5.4, getIndicator("new-urban-jobs"), "zh-CN")).toBe("5.40万人");
  });
});

describe("formatChange", () => {
  it("always shows the sign of a change, none for zero", () => {
    expect(formatChange(1.2, "en", { decimals: 1 })).toBe("+1.2");
    expect(formatChange(-0.4, "zh-CN", { decimals: 1 })).toBe("-0.4");
    expect(formatChange(0, "en")).toBe("0");
    expect(formatChange(1234, "en")).toBe("+1,234");
  });
});

describe("quarter labels", () => {
  it("labels the quarter itself", () => {
    expect(formatQuarterLabel("2025Q3", "zh-CN")).toBe("2025年第三季度");
    expect(formatQuarterLabel("2025Q1", "zh-CN")).toBe("2025年第一季度");
    expect(formatQuarterLabel("2025Q3", "en")).toBe("Q3 2025");
    expect(formatQuarterLabel({ year: 2024, q: 4 }, "en")).toBe("Q4 2024");
  });

  it("labels the period a year-to-date figure covers", () => {
    expect(YEAR_2025.map((q) => formatYtdLabel(q, "zh-CN"))).toEqual([
      "2025年一季度",
      "2025年上半年",
      "2025年前三季度",
      "2025年全年",
    ]);
    expect(YEAR_2025.map((q) => formatYtdLabel(q, "en"))).toEqual([
      "Q1 2025",
      "H1 2025",
      "Q1–Q3 2025",
      "FY 2025",
    ]);
  });

  it("refuses a malformed quarter", () => {
    const malformed: string = "2025Q5";
    expect(() => formatQuarterLabel(malformed as QuarterString, "en")).toThrow(/not a quarter/);
  });
});

describe("localized", () => {
  it("picks Chinese for zh-CN and English for en", () => {
    const text = { zh: "黄石", en: "Huangshi" };
    expect(localized(text, "zh-CN")).toBe("黄石");
    expect(localized(text, "en")).toBe("Huangshi");
  });
});
