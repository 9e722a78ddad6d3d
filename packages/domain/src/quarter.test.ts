import { describe, expect, it } from "vitest";
import {
  addQuarters,
  compareQuarters,
  formatQuarter,
  nextQuarter,
  parseQuarter,
  prevQuarter,
  quarterRange,
  sameQuarterLastYear,
  toQuarter,
} from "./quarter";

describe("parseQuarter / formatQuarter", () => {
  it("parses the exact form and formats it back", () => {
    for (const text of ["1949Q1", "2017Q2", "2025Q3", "2999Q4"] as const) {
      const result = parseQuarter(text);
      expect(result.ok).toBe(true);
      if (result.ok) expect(formatQuarter(result.value)).toBe(text);
    }
    expect(parseQuarter("2025Q3")).toEqual({ ok: true, value: { year: 2025, q: 3 } });
  });

  it.each([
    "2025Q5",
    "2025Q0",
    "25Q1",
    "",
    "2025-Q1",
    " 2025Q1",
    "2025Q1 ",
    "2025q3",
    "Q3 2025",
    "02025Q1",
    "２０２５Q1",
  ])("refuses %j with a message naming the rule", (text) => {
    const result = parseQuarter(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe(
        `${JSON.stringify(text)} is not a quarter: expected a four-digit year, "Q" and a quarter number 1–4, like 2025Q3`,
      );
    }
  });

  it("refuses years outside 1949–2999", () => {
    expect(parseQuarter("1948Q4")).toEqual({
      ok: false,
      error: `"1948Q4" is not a quarter: the year must be between 1949 and 2999, got 1948`,
    });
    expect(parseQuarter("3000Q1").ok).toBe(false);
  });

  it("toQuarter throws the parse error, and checks objects too", () => {
    expect(() => toQuarter("2025Q5")).toThrow(/"2025Q5" is not a quarter/);
    expect(() => toQuarter({ year: 1900, q: 1 })).toThrow(/year must be between 1949 and 2999/);
    expect(toQuarter({ year: 2025, q: 4 })).toEqual({ year: 2025, q: 4 });
  });
});

describe("quarter arithmetic", () => {
  it("crosses year boundaries", () => {
    expect(nextQuarter("2024Q4")).toBe("2025Q1");
    expect(prevQuarter("2025Q1")).toBe("2024Q4");
    expect(nextQuarter({ year: 2025, q: 2 })).toBe("2025Q3");
    expect(addQuarters("2025Q2", -6)).toBe("2023Q4");
    expect(addQuarters("2025Q2", -9)).toBe("2023Q1");
    expect(addQuarters("2023Q4", 9)).toBe("2026Q1");
    expect(addQuarters("2025Q2", 0)).toBe("2025Q2");
    expect(sameQuarterLastYear("2025Q1")).toBe("2024Q1");
  });

  it("refuses to leave the supported years or to move by a fraction", () => {
    expect(() => nextQuarter("2999Q4")).toThrow(RangeError);
    expect(() => prevQuarter("1949Q1")).toThrow(RangeError);
    expect(() => addQuarters("2025Q1", 1.5)).toThrow(/integer/);
  });

  it("compares quarters and sorts them", () => {
    expect(compareQuarters("2024Q4", "2025Q1")).toBe(-1);
    expect(compareQuarters("2025Q1", "2025Q1")).toBe(0);
    expect(compareQuarters("2025Q2", { year: 2025, q: 1 })).toBe(1);
    const sorted = (["2025Q1", "2023Q4", "2024Q2"] as const).slice().sort(compareQuarters);
    expect(sorted).toEqual(["2023Q4", "2024Q2", "2025Q1"]);
  });

  it("builds inclusive ranges, empty when reversed", () => {
    expect(quarterRange("2025Q1", "2025Q3")).toEqual(["2025Q1", "2025Q2", "2025Q3"]);
    expect(quarterRange("2025Q2", "2025Q2")).toEqual(["2025Q2"]);
    expect(quarterRange("2025Q3", "2025Q1")).toEqual([]);
    const across = quarterRange("2023Q3", "2025Q2");
    expect(across).toHaveLength(8);
    expect(across[0]).toBe("2023Q3");
    expect(across.at(-1)).toBe("2025Q2");
    expect(across).toContain("2024Q1");
  });
});
