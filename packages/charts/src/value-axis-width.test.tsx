import { describe, expect, it } from "vitest";

import { estimateTextWidth, valueAxisWidth } from "./chart-utils";

const plain = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });

describe("valueAxisWidth", () => {
  it("makes room for the widest label, ranges included, and the round figure past the data", () => {
    const narrow = valueAxisWidth([{ quarter: "2026Q1", value: 12 }], plain);
    // 980 → 1,000: the axis's top tick is wider than any value.
    const rounded = valueAxisWidth([{ quarter: "2026Q1", value: 980, band: [950, 975] }], plain);
    expect(rounded).toBeGreaterThan(estimateTextWidth("980", 16));
    expect(rounded).toBeGreaterThanOrEqual(estimateTextWidth("1,000", 16));
    expect(narrow).toBeLessThan(rounded);
    // A range's end counts as a value.
    const ranged = valueAxisWidth([{ quarter: "2026Q1", value: 12, band: [3, 123_456] }], plain);
    expect(ranged).toBeGreaterThanOrEqual(estimateTextWidth("200,000", 16));
  });

  it("measures the formatted text, negatives and decimals included, and ignores gaps", () => {
    const rows = [
      { quarter: "2026Q1", value: -0.42, median: null },
      { quarter: "2026Q2", value: Number.NaN, median: 0.3 },
    ];
    expect(valueAxisWidth(rows, plain)).toBeGreaterThanOrEqual(estimateTextWidth("-0.5", 16));
    expect(valueAxisWidth(rows, (value) => `${value.toFixed(4)} 万元`)).toBeGreaterThan(
      valueAxisWidth(rows, plain),
    );
    expect(valueAxisWidth([{ quarter: "2026Q1", value: null }], plain)).toBeGreaterThan(0);
  });
});
