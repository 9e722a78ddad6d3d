import { describe, expect, it } from "vitest";
import { hasAtMostDecimals, roundTo, sumDecimals } from "./decimal";
import { singleQuarterToYtd, ytdToSingleQuarter } from "./ytd";

describe("ytdToSingleQuarter", () => {
  it("subtracts the previous year-to-date figure, exactly", () => {
    expect(1234.56 - 1000.12).not.toBe(234.44); // the float noise being avoided
    expect(ytdToSingleQuarter({ 1: 1000.12, 2: 1234.56 }, 2)).toEqual({
      1: 1000.12,
      2: 234.44,
      3: null,
      4: null,
    });
  });

  it("derives a whole year (synthetic GDP figures)", () => {
    const ytd = { 1: 1101.3, 2: 2381.5, 3: 3454.07, 4: 4771.01 };
    expect(ytdToSingleQuarter(ytd, 2)).toEqual({ 1: 1101.3, 2: 1280.2, 3: 1072.57, 4: 1316.94 });
  });

  it("gives null where either figure is missing", () => {
    expect(ytdToSingleQuarter({ 1: 100, 3: 350, 4: 500 }, 0)).toEqual({ 1: 100, 2: null, 3: null, 4: 150 });
    expect(ytdToSingleQuarter({ 1: null, 2: 200 }, 0)).toEqual({ 1: null, 2: null, 3: null, 4: null });
    expect(ytdToSingleQuarter({}, 2)).toEqual({ 1: null, 2: null, 3: null, 4: null });
  });

  it("keeps a negative quarter (a revision) rather than hiding it", () => {
    expect(ytdToSingleQuarter({ 1: 5.4, 2: 5.1 }, 2)).toEqual({ 1: 5.4, 2: -0.3, 3: null, 4: null });
  });

  it("refuses a nonsensical number of decimals", () => {
    expect(() => ytdToSingleQuarter({ 1: 1 }, -1)).toThrow(/decimals/);
    expect(() => ytdToSingleQuarter({ 1: 1 }, 1.5)).toThrow(/decimals/);
  });
});

describe("singleQuarterToYtd", () => {
  it("sums quarters, stopping at the first gap", () => {
    expect(singleQuarterToYtd({ 1: 0.1, 2: 0.2, 3: 0.3 }, 1)).toEqual({ 1: 0.1, 2: 0.3, 3: 0.6, 4: null });
    expect(singleQuarterToYtd({ 1: 10, 3: 30, 4: 40 }, 0)).toEqual({ 1: 10, 2: null, 3: null, 4: null });
  });

  it("round-trips with ytdToSingleQuarter", () => {
    const ytd = { 1: 359.83, 2: 741.06, 3: 1102.4, 4: 1458.44 };
    expect(singleQuarterToYtd(ytdToSingleQuarter(ytd, 2), 2)).toEqual(ytd);
    const single = { 1: 3.17, 2: 2.05, 3: 1.99, 4: 2.41 };
    expect(ytdToSingleQuarter(singleQuarterToYtd(single, 2), 2)).toEqual(single);
  });
});

describe("decimal helpers", () => {
  it("rounds without float noise, half away from zero", () => {
    expect(roundTo(234.43999999999994, 2)).toBe(234.44);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    expect(sumDecimals([0.1, 0.2], 1)).toBe(0.3);
  });

  it("counts decimal places", () => {
    expect(hasAtMostDecimals(1234.56, 2)).toBe(true);
    expect(hasAtMostDecimals(1234.56, 1)).toBe(false);
    expect(hasAtMostDecimals(0.1 + 0.2, 2)).toBe(false);
    expect(hasAtMostDecimals(3, 0)).toBe(true);
    expect(hasAtMostDecimals(Number.NaN, 2)).toBe(false);
  });
});
