/** `ytd`: values as reported (year-to-date for cumulative indicators); `single`: single-quarter values. */
export const SERIES_MODES = ["ytd", "single"] as const;
export type SeriesMode = (typeof SERIES_MODES)[number];

import { sumDecimals } from "./decimal";
import type { QuarterNumber } from "./quarter";

/** Figures of one year by quarter; a missing or null quarter is unknown. */
export type QuarterValues = Partial<Record<QuarterNumber, number | null>>;

/** The result always has all four quarters, null where the value cannot be known. */
export type CompleteQuarterValues = Record<QuarterNumber, number | null>;

const QUARTERS: readonly QuarterNumber[] = [1, 2, 3, 4];

function knownValue(values: QuarterValues, q: QuarterNumber): number | null {
  const value = values[q];
  return value === undefined || value === null ? null : value;
}

/**
 * Year-to-date (累计) figures of ONE year → single-quarter figures: Q1 is YTD Q1, Qn is YTD n − YTD n−1,
 * null where either is missing. Only meaningful for cumulative amounts and counts
 * (see `isSingleQuarterDerivable`); results are exact to `decimals` places (1234.56 − 1000.12 = 234.44).
 */
export function ytdToSingleQuarter(ytd: QuarterValues, decimals: number): CompleteQuarterValues {
  const single: CompleteQuarterValues = { 1: null, 2: null, 3: null, 4: null };
  // Before Q1 the year-to-date total is zero.
  let previous: number | null = 0;
  for (const q of QUARTERS) {
    const current = knownValue(ytd, q);
    single[q] = current === null || previous === null ? null : sumDecimals([current, -previous], decimals);
    previous = current;
  }
  return single;
}

/** Inverse of `ytdToSingleQuarter`: YTD n is the sum of quarters 1..n, null if any of them is missing. */
export function singleQuarterToYtd(single: QuarterValues, decimals: number): CompleteQuarterValues {
  const ytd: CompleteQuarterValues = { 1: null, 2: null, 3: null, 4: null };
  const known: number[] = [];
  for (const q of QUARTERS) {
    const value = knownValue(single, q);
    if (value === null) break;
    known.push(value);
    ytd[q] = sumDecimals(known, decimals);
  }
  return ytd;
}
