import { roundTo, sumDecimals } from "./decimal";
import type { Direction, LocalizedText } from "./types";

/**
 * The annual progress evaluation (年度进展评估): a rubric per year (dimensions → items → scoring rules), scores
 * of each zone (or member city) from its approved full-year values, a reviewer's adjustment, a rating.
 * Pure: the database reads the values and stores what these functions return (docs/evaluation.md).
 */

/** 优秀 / 良好 / 合格 / 较差, best first. */
export const EVALUATION_RATINGS = ["excellent", "good", "pass", "poor"] as const;
export type EvaluationRating = (typeof EVALUATION_RATINGS)[number];

/** A result row: computed from approved data, adjusted by a reviewer, or published (then locked). */
export const EVALUATION_STATES = ["computed", "adjusted", "published"] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];

/** Where a result comes from: this application's computation, or a published rating entered as history. */
export const EVALUATION_SOURCES = ["computed", "published-history"] as const;
export type EvaluationSource = (typeof EVALUATION_SOURCES)[number];

export const RUBRIC_STATES = ["draft", "published"] as const;
export type RubricState = (typeof RUBRIC_STATES)[number];

export const SCORING_RULE_KINDS = ["percentile", "linear", "threshold"] as const;
export type ScoringRuleKind = (typeof SCORING_RULE_KINDS)[number];

/**
 * How an item turns a value into 0–100 points:
 * - percentile: the share of the other reporting zones it does better than (ties count half), by the
 *   indicator's direction; a zone alone scores 100;
 * - linear: 0 at `floor`, 100 at `full`, straight between (full below floor: lower is better);
 * - threshold: 100 when `target` is met (at or above it, or at or below for a lower-is-better indicator), else 0.
 */
export type ScoringRule =
  | { kind: "percentile" }
  | { kind: "linear"; floor: number; full: number }
  | { kind: "threshold"; target: number };

export interface RubricItem {
  indicatorCode: string;
  /** Share of its dimension, in percent; a dimension's items sum to 100. */
  weight: number;
  rule: ScoringRule;
}

export interface RubricDimension {
  code: string;
  name: LocalizedText;
  /** Share of the total, in percent; the dimensions sum to 100. */
  weight: number;
  items: RubricItem[];
}

/** The lowest score of each rating but the last (较差 is everything below 合格). */
export interface RatingThresholds {
  excellent: number;
  good: number;
  pass: number;
}

export interface Rubric {
  year: number;
  dimensions: RubricDimension[];
  thresholds: RatingThresholds;
}

export const DEFAULT_RATING_THRESHOLDS: Readonly<RatingThresholds> = { excellent: 90, good: 75, pass: 60 };

/** Years an evaluation may be held for: the programme's first full year to the schema's quarters' end. */
export const EVALUATION_YEARS = { min: 2017, max: 2099 } as const;
/** The four dimensions (园区建设, 产业发展, 城市更新, 绿色低碳) date from this year's evaluation. */
export const FOUR_DIMENSIONS_SINCE = 2021;
/** Ratings are given per member city, not only per zone, from this year. */
export const CITY_RATINGS_SINCE = 2020;

export const RUBRIC_LIMITS = {
  dimensions: 8,
  itemsPerDimension: 20,
  codeLength: 32,
  nameLength: 60,
  /** |floor|, |full|, |target|. */
  ruleValue: 1e9,
  weightDecimals: 2,
} as const;

/** A reviewer's adjustment: ± this many points at most, 2 decimals, with a reason of this length. */
export const MAX_ADJUSTMENT_POINTS = 20;
export const ADJUSTMENT_REASON_LENGTH = { min: 4, max: 500 } as const;
/** Scores are kept to this many decimals. */
export const SCORE_DECIMALS = 2;

/** A zone rated 较差 this many years in a row is warned; one more loses its demonstration-zone status. */
export const POOR_YEARS_WARNING = 2;
export const POOR_YEARS_LOSES_STATUS = 3;

/** The quarter whose value counts for a year: Q4's year-to-date (full year), the annual value, the year's end. */
export function fullYearQuarter(year: number): string {
  return `${year}Q4`;
}

function round(value: number): number {
  return roundTo(value, SCORE_DECIMALS);
}

function clampScore(value: number): number {
  return Math.min(100, Math.max(0, value));
}

/** 0–100 points of one value by its rule, among `peers` (every reporting zone's value, this one included). */
export function scoreValue(
  rule: ScoringRule,
  value: number,
  direction: Direction,
  peers: readonly number[],
): number {
  switch (rule.kind) {
    case "percentile": {
      const others = peers.length - 1;
      if (others <= 0) return 100;
      const better = (peer: number) => (direction === "higher" ? value > peer : value < peer);
      const beaten = peers.filter(better).length;
      const tied = peers.filter((peer) => peer === value).length - 1;
      return round((100 * (beaten + tied / 2)) / others);
    }
    case "linear":
      return round(clampScore((100 * (value - rule.floor)) / (rule.full - rule.floor)));
    case "threshold":
      return (direction === "higher" ? value >= rule.target : value <= rule.target) ? 100 : 0;
  }
}

/** The approved full-year values of one year: unit (zone or member city) → indicator → value. */
export type YearValues = ReadonlyMap<string, ReadonlyMap<string, number>>;

export interface UnitScore {
  unit: string;
  /** 0–100 per dimension code. */
  dimensions: Record<string, number>;
  total: number;
  rating: EvaluationRating;
  /** Items without a value (they score 0). */
  missingItems: number;
}

/**
 * Scores every unit that reported at least one of the rubric's indicators (the others are not evaluated): an
 * item without a value scores 0; dimension = Σ item points × weight / 100; total = Σ dimension × weight / 100.
 */
export function scoreUnits(
  rubric: Rubric,
  values: YearValues,
  directions: ReadonlyMap<string, Direction>,
): UnitScore[] {
  const codes = new Set(
    rubric.dimensions.flatMap((dimension) => dimension.items.map((i) => i.indicatorCode)),
  );
  const units = [...values.keys()].filter((unit) => [...codes].some((code) => values.get(unit)?.has(code)));
  const peers = new Map<string, number[]>();
  for (const code of codes) {
    peers.set(
      code,
      units.flatMap((unit) => {
        const value = values.get(unit)?.get(code);
        return value === undefined ? [] : [value];
      }),
    );
  }
  return units.map((unit) => {
    let missingItems = 0;
    const dimensions: Record<string, number> = {};
    const weighted: number[] = [];
    for (const dimension of rubric.dimensions) {
      const points = dimension.items.map((item) => {
        const value = values.get(unit)?.get(item.indicatorCode);
        if (value === undefined) {
          missingItems += 1;
          return 0;
        }
        const direction = directions.get(item.indicatorCode) ?? "higher";
        return (
          (scoreValue(item.rule, value, direction, peers.get(item.indicatorCode) ?? []) * item.weight) / 100
        );
      });
      const score = round(points.reduce((sum, point) => sum + point, 0));
      dimensions[dimension.code] = score;
      weighted.push((score * dimension.weight) / 100);
    }
    const total = round(weighted.reduce((sum, part) => sum + part, 0));
    return { unit, dimensions, total, rating: ratingOf(total, rubric.thresholds), missingItems };
  });
}

/** The rating of a final score. */
export function ratingOf(
  score: number,
  thresholds: RatingThresholds = DEFAULT_RATING_THRESHOLDS,
): EvaluationRating {
  if (score >= thresholds.excellent) return "excellent";
  if (score >= thresholds.good) return "good";
  if (score >= thresholds.pass) return "pass";
  return "poor";
}

/** The computed score with a reviewer's adjustment, kept within 0–100. */
export function finalScore(computed: number, adjustment: number | null): number {
  return round(clampScore(sumDecimals([computed, adjustment ?? 0], SCORE_DECIMALS)));
}

export type StatusWarning = "second-poor" | "loses-status";

/**
 * The warning a unit's rating of `year` carries, from its ratings by year: 较差 in `year` and the year before
 * warns ("second-poor"); three years in a row loses the status. A year without a rating breaks the run.
 */
export function statusWarning(
  ratings: ReadonlyMap<number, EvaluationRating>,
  year: number,
): StatusWarning | null {
  let run = 0;
  while (ratings.get(year - run) === "poor") run += 1;
  if (run >= POOR_YEARS_LOSES_STATUS) return "loses-status";
  if (run >= POOR_YEARS_WARNING) return "second-poor";
  return null;
}
