import { roundTo } from "./decimal";
import type { Direction, Frequency, LocalizedText, Measure } from "./types";

/**
 * Plan targets (规划目标) of a zone: an indicator's value to reach by the end of a target year, e.g. R&D intensity
 * at least 2.5 % by 2025 from the 2020 baseline, and how far each quarter's approved data is on the way there.
 * The method is written up in docs/targets.md.
 */

/** Whether the target is a floor (R&D intensity ≥ 2.5) or a ceiling (PM2.5 ≤ 35). */
export const TARGET_COMPARISONS = ["at-least", "at-most"] as const;
export type TargetComparison = (typeof TARGET_COMPARISONS)[number];

export const TARGET_COMPARISON_LABELS: Record<TargetComparison, LocalizedText> = {
  "at-least": { zh: "不低于", en: "at least" },
  "at-most": { zh: "不高于", en: "at most" },
};

/** A floor for indicators where higher is better, a ceiling for the others. */
export function defaultComparison(direction: Direction): TargetComparison {
  return direction === "higher" ? "at-least" : "at-most";
}

/** Progress statuses, best first. */
export const TARGET_STATUSES = ["met", "on-track", "at-risk", "off-track", "no-data"] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const TARGET_STATUS_LABELS: Record<TargetStatus, LocalizedText> = {
  met: { zh: "已达标", en: "Target met" },
  "on-track": { zh: "进展顺利", en: "On track" },
  "at-risk": { zh: "存在风险", en: "At risk" },
  "off-track": { zh: "严重滞后", en: "Off track" },
  "no-data": { zh: "暂无数据", en: "No data" },
};

/** Achieved ÷ required rate of change at or above which a target is on track. */
export const ON_TRACK_RATIO = 1;
/** … and at or above which it is at risk; below (or moving the wrong way) it is off track. */
export const AT_RISK_RATIO = 0.5;

/** Years a target may name (baseline and target year); a typing error outside them is refused. */
export const TARGET_YEARS = { min: 2000, max: 2050 } as const;
/** A targets file (the import template) holds at most this many rows: every zone × indicator × a few years fits. */
export const MAX_TARGET_ROWS = 2000;
/** … and at most this many bytes. */
export const MAX_TARGET_UPLOAD_BYTES = 1024 * 1024;

/** A target's note (its source, e.g. the zone's 14th five-year plan), in characters. */
export const TARGET_NOTE_MAX_LENGTH = 200;

/** A zone's target for one indicator and year. */
export interface ZoneTarget {
  zoneCode: string;
  indicatorCode: string;
  /** The value is to be reached by the end of this year (its full-year figure). */
  targetYear: number;
  targetValue: number;
  comparison: TargetComparison;
  /** The year whose full-year value progress is measured from; before the target year. */
  baselineYear: number;
  note: string | null;
}

/** What the method needs of the indicator (from the catalogue tables). */
export type TargetIndicator = {
  frequency: Frequency;
  cumulative: boolean;
  measure: Measure;
};

/**
 * Which approved value counts for a quarter:
 * - `full-year`: annual indicators and year-to-date totals (GDP, new jobs) count the last full year's value
 *   (its Q4 figure): a partial year's running total is never compared with an annual target.
 * - `latest`: averages, shares and rates (R&D intensity, PM2.5, YTD growth) count the latest quarter's
 *   (year-to-date) value up to the quarter.
 */
export type TargetReading = "full-year" | "latest";

export function targetReading(indicator: TargetIndicator): TargetReading {
  if (indicator.frequency === "annual") return "full-year";
  const total = indicator.cumulative && (indicator.measure === "amount" || indicator.measure === "count");
  return total ? "full-year" : "latest";
}

/**
 * How values change over the years: amounts, counts and averages compound (a growth rate per year); rates
 * and shares (percentages already) change linearly, in points per year, and so does anything at or below 0
 * where a compound rate means nothing.
 */
export type ChangeModel = "compound" | "linear";

export function changeModel(measure: Measure, ...values: readonly number[]): ChangeModel {
  if (measure === "rate" || measure === "share") return "linear";
  return values.every((value) => value > 0) ? "compound" : "linear";
}

/** An approved value and the quarter it belongs to (`YYYYQn`). */
export interface TargetValueAt {
  quarter: string;
  value: number;
}

/** A quarter's end on the scale of full years, where year Y's value stands at Y: 2025Q4 → 2025, 2025Q2 → 2024.5. */
export function quarterEndYear(quarter: string): number {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  return year - 1 + q / 4;
}

export interface TargetProgressInput {
  comparison: TargetComparison;
  targetValue: number;
  targetYear: number;
  baselineYear: number;
  measure: Measure;
  /** The baseline year's full-year (Q4) approved value, or null. */
  baseline: number | null;
  /** The value that counts for the quarter (`targetReading`), or null. */
  latest: TargetValueAt | null;
}

export interface TargetProgress {
  status: TargetStatus;
  /** Change per year needed from the baseline to the target (points, or a growth rate as a fraction). */
  requiredRate: number | null;
  /** Change per year from the baseline to the latest value, in the same terms. */
  achievedRate: number | null;
  /** achieved ÷ required, the figure the thresholds are read on. */
  ratio: number | null;
  model: ChangeModel | null;
}

export function satisfiesTarget(value: number, comparison: TargetComparison, targetValue: number): boolean {
  return comparison === "at-least" ? value >= targetValue : value <= targetValue;
}

function ratePerYear(model: ChangeModel, from: number, to: number, years: number): number {
  return model === "compound" ? (to / from) ** (1 / years) - 1 : (to - from) / years;
}

/** Decimals the ratio is read to. */
const RATIO_DECIMALS = 4;

const NO_RATES = { requiredRate: null, achievedRate: null, ratio: null } as const;

/**
 * The progress status by the required-versus-achieved rate of change (as UN ESCAP's SDG progress assessment
 * and national SDG reporting platforms measure it): met when the value that counts already satisfies the
 * target; otherwise the ratio of the achieved yearly change since the baseline to the yearly change the
 * target requires: ≥ 1 on track, ≥ 0.5 at risk, below that (or moving the wrong way, or the target year
 * passed) off track. No baseline or no value after the baseline year: no data.
 */
export function targetProgress(input: TargetProgressInput): TargetProgress {
  const { latest, baseline } = input;
  if (!latest) return { status: "no-data", ...NO_RATES, model: null };
  if (satisfiesTarget(latest.value, input.comparison, input.targetValue)) {
    return { status: "met", ...NO_RATES, model: null };
  }
  const elapsed = quarterEndYear(latest.quarter) - input.baselineYear;
  if (quarterEndYear(latest.quarter) >= input.targetYear) {
    // The target year is over (or its value is in) and the target was not reached.
    return { status: "off-track", ...NO_RATES, model: null };
  }
  if (baseline === null || elapsed <= 0) return { status: "no-data", ...NO_RATES, model: null };
  const model = changeModel(input.measure, baseline, latest.value, input.targetValue);
  const requiredRate = ratePerYear(model, baseline, input.targetValue, input.targetYear - input.baselineYear);
  const achievedRate = ratePerYear(model, baseline, latest.value, elapsed);
  // The baseline satisfied the target and the value has since slipped past it: moving the wrong way.
  if (satisfiesTarget(baseline, input.comparison, input.targetValue) || requiredRate === 0) {
    return { status: "off-track", requiredRate, achievedRate, ratio: null, model };
  }
  // Rounded, so that float noise (0.3 / 3 = 0.0999…) never moves a target exactly on pace down a status.
  const ratio = roundTo(achievedRate / requiredRate, RATIO_DECIMALS);
  const status: TargetStatus =
    ratio >= ON_TRACK_RATIO ? "on-track" : ratio >= AT_RISK_RATIO ? "at-risk" : "off-track";
  return { status, requiredRate, achievedRate, ratio, model };
}

/** The two values the database finds per target, of which `targetReading` picks the one that counts. */
export interface TargetCandidates {
  /** The latest approved Q4 value up to the quarter. */
  latestFullYear: TargetValueAt | null;
  /** The latest approved value of any quarter up to the quarter. */
  latestQuarter: TargetValueAt | null;
}

export function countingValue(
  indicator: TargetIndicator,
  candidates: TargetCandidates,
): TargetValueAt | null {
  return targetReading(indicator) === "full-year" ? candidates.latestFullYear : candidates.latestQuarter;
}

/** Counts of targets by status, every status present (0 when none). */
export function countByStatus(statuses: readonly TargetStatus[]): Record<TargetStatus, number> {
  const counts = Object.fromEntries(TARGET_STATUSES.map((status) => [status, 0])) as Record<
    TargetStatus,
    number
  >;
  for (const status of statuses) counts[status] += 1;
  return counts;
}
