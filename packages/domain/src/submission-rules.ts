import { roundTo } from "./decimal";
import { parseEnteredNumber } from "./entered-number";
import type { IndicatorCode, ThemeIndicators } from "./indicators";
import { appliesToQuarter, INDICATORS, indicatorsByTheme, isSingleQuarterDerivable } from "./indicators";
import type { QuarterLike, QuarterString } from "./quarter";
import { toQuarter } from "./quarter";
import type { Indicator } from "./types";

/**
 * Audit rules for a whole submission, after the national direct-reporting system: hard rules block it
 * until the value is corrected; soft rules ask the filer to check the value, and stop blocking once the
 * filer explains it (上报说明). Messages are in `describeRuleIssue`.
 */

/** Longest explanation (上报说明), in characters. Here, not beside the schema: the entry form's client code
 * needs the limit, and the schema's module brings zod with it. */
export const NOTE_MAX_LENGTH = 500;

export type RuleCode =
  | "required"
  | "not-a-number"
  | "ambiguous-separator"
  | "range"
  | "decimals"
  | "ytd-decrease"
  | "yoy-change"
  | "outside-history"
  | "growth-sign";

export type RuleSeverity = "hard" | "soft";

export interface RuleIssue {
  indicatorCode: IndicatorCode;
  rule: RuleCode;
  severity: RuleSeverity;
  /** numbers the message needs: value, min, max, decimals, previous, lastYear, changePercent, threshold, growth, level… */
  params: Record<string, number | string>;
  /** soft only: the filer gave an explanation (上报说明), so the issue no longer blocks submitting */
  explained: boolean;
}

export interface IndicatorContext {
  /** value of the previous quarter (any year) */
  previousQuarter: number | null;
  /** value of the same quarter last year */
  lastYear: number | null;
  /** the zone's historical min/max for this indicator over approved quarters, and how many */
  history: { min: number; max: number; count: number } | null;
}

export interface SubmissionDraft {
  quarter: QuarterString;
  /** text as typed, "" or missing = not entered */
  values: Partial<Record<IndicatorCode, string>>;
  notes: Partial<Record<IndicatorCode, string>>;
  context: Partial<Record<IndicatorCode, IndicatorContext>>;
}

/** A draft may be partial; a submission must be complete. */
export type CheckMode = "draft" | "submit";

/**
 * How far a value may move from the same quarter last year before the filer is asked to check it:
 * amounts, counts and averages by a relative change in %; rates and shares by percentage points.
 */
export const YOY_THRESHOLDS = Object.freeze({ relativePercent: 30, percentagePoints: 10 } as const);

/** The history range is only a fair test once the zone has this many approved quarters. */
export const MIN_HISTORY_QUARTERS = 4;

/** Growth rate → the level it describes: the rate's sign should follow the level's move against last year. */
export const GROWTH_LEVEL_PAIRS = Object.freeze({ "gdp-growth": "gdp" } as const) satisfies Partial<
  Record<IndicatorCode, IndicatorCode>
>;

/** An indicator's entered value once read: `value` is null when blank or when a hard rule failed. */
interface Reading {
  code: IndicatorCode;
  indicator: Indicator;
  value: number | null;
  hard: RuleIssue[];
}

/**
 * A value as an integer count of its indicator's smallest step (0.01 for two decimals), so that comparisons
 * and ratios are exact: 130 / 100 − 1 is 0.30000000000000004 in floats, and must not count as above 30 %.
 */
function steps(value: number, decimals: number): number {
  return Math.round(roundTo(value, decimals) * 10 ** decimals);
}

function decimalPlaces(text: string): number {
  return text.split(".")[1]?.length ?? 0;
}

function issue(
  indicatorCode: IndicatorCode,
  rule: RuleCode,
  severity: RuleSeverity,
  params: RuleIssue["params"],
  explained = false,
): RuleIssue {
  return { indicatorCode, rule, severity, params, explained };
}

function read(indicator: Indicator, draft: SubmissionDraft, quarterNumber: number, mode: CheckMode): Reading {
  const code = indicator.code as IndicatorCode;
  const entered = draft.values[code] ?? "";
  const parsed = parseEnteredNumber(entered);
  if (!parsed.ok) {
    if (parsed.error !== "empty") {
      return {
        code,
        indicator,
        value: null,
        hard: [issue(code, parsed.error, "hard", { input: entered.trim() })],
      };
    }
    const hard = mode === "submit" ? [issue(code, "required", "hard", {})] : [];
    return { code, indicator, value: null, hard };
  }

  const { value, text } = parsed;
  const hard: RuleIssue[] = [];
  const { min, max } = indicator.validRange;
  if (value < min || value > max) hard.push(issue(code, "range", "hard", { value, min, max }));
  const given = decimalPlaces(text);
  if (given > indicator.decimals) {
    hard.push(issue(code, "decimals", "hard", { value, text, decimals: indicator.decimals, given }));
  }
  // Q1 starts a new year: its year-to-date figure is compared with nothing.
  const previous = draft.context[code]?.previousQuarter ?? null;
  if (isSingleQuarterDerivable(indicator) && quarterNumber > 1 && previous !== null) {
    if (steps(value, indicator.decimals) < steps(previous, indicator.decimals)) {
      hard.push(issue(code, "ytd-decrease", "hard", { value, previous }));
    }
  }
  return { code, indicator, value: hard.length === 0 ? value : null, hard };
}

/** The year-on-year margin of an indicator: its own threshold, or its measure's default (`YOY_THRESHOLDS`). */
export function yoyThresholdOf(indicator: Pick<Indicator, "measure" | "yoyThreshold">): number {
  if (indicator.yoyThreshold !== null) return indicator.yoyThreshold;
  return byPercentagePoints(indicator) ? YOY_THRESHOLDS.percentagePoints : YOY_THRESHOLDS.relativePercent;
}

function byPercentagePoints(indicator: Pick<Indicator, "measure">): boolean {
  return indicator.measure === "rate" || indicator.measure === "share";
}

function yoyIssue(indicator: Indicator, value: number, lastYear: number): RuleIssue["params"] | null {
  const { decimals } = indicator;
  const now = steps(value, decimals);
  const before = steps(lastYear, decimals);
  const threshold = yoyThresholdOf(indicator);
  if (byPercentagePoints(indicator)) {
    if (Math.abs(now - before) <= threshold * 10 ** decimals) return null;
    return { value, lastYear, changePoints: roundTo(value - lastYear, decimals), threshold };
  }
  // No relative change from zero.
  if (before === 0) return null;
  if (Math.abs(now - before) * 100 <= threshold * Math.abs(before)) return null;
  return { value, lastYear, changePercent: roundTo(((now - before) / Math.abs(before)) * 100, 1), threshold };
}

/**
 * Outside the zone's approved history by more than the year-on-year margin: levels that grow every year
 * (GDP, incomes) pass the old maximum as a matter of course; a figure far beyond it is usually a typing or
 * unit error (万元 for 亿元).
 */
function historyIssue(
  indicator: Indicator,
  value: number,
  context: IndicatorContext,
): RuleIssue["params"] | null {
  const { history } = context;
  if (!history || history.count < MIN_HISTORY_QUARTERS) return null;
  const { decimals } = indicator;
  const byPoints = byPercentagePoints(indicator);
  const margin = yoyThresholdOf(indicator);
  const low = byPoints ? history.min - margin : history.min - (Math.abs(history.min) * margin) / 100;
  const high = byPoints ? history.max + margin : history.max + (Math.abs(history.max) * margin) / 100;
  const now = steps(value, decimals);
  if (now >= steps(low, decimals) && now <= steps(high, decimals)) return null;
  return {
    value,
    min: history.min,
    max: history.max,
    count: history.count,
    margin,
    byPoints: byPoints ? 1 : 0,
  };
}

function growthSignIssue(
  growth: Reading,
  readings: ReadonlyMap<IndicatorCode, Reading>,
  draft: SubmissionDraft,
): RuleIssue["params"] | null {
  const levelCode = (GROWTH_LEVEL_PAIRS as Partial<Record<IndicatorCode, IndicatorCode>>)[growth.code];
  if (!levelCode || growth.value === null) return null;
  const level = readings.get(levelCode);
  const levelLastYear = draft.context[levelCode]?.lastYear ?? null;
  if (!level || level.value === null || levelLastYear === null) return null;
  const { decimals } = level.indicator;
  const movement = Math.sign(steps(level.value, decimals) - steps(levelLastYear, decimals));
  const sign = Math.sign(growth.value);
  if (movement === 0 || sign === 0 || movement === sign) return null;
  return { growth: growth.value, level: level.value, lastYear: levelLastYear, levelCode };
}

function softIssues(
  reading: Reading,
  readings: ReadonlyMap<IndicatorCode, Reading>,
  draft: SubmissionDraft,
): RuleIssue[] {
  const { code, indicator, value } = reading;
  if (value === null) return [];
  const explained = (draft.notes[code] ?? "").trim() !== "";
  const context = draft.context[code];
  const found: Array<[RuleCode, RuleIssue["params"] | null]> = [
    [
      "yoy-change",
      typeof context?.lastYear === "number" ? yoyIssue(indicator, value, context.lastYear) : null,
    ],
    ["outside-history", context ? historyIssue(indicator, value, context) : null],
    ["growth-sign", growthSignIssue(reading, readings, draft)],
  ];
  return found.flatMap(([rule, params]) => (params ? [issue(code, rule, "soft", params, explained)] : []));
}

/**
 * Every issue of a submission, in catalogue order, hard before soft for an indicator. Only the form's
 * indicators (the catalogue's in force that year; the built-in ones by default) that apply to the quarter are
 * checked; values for others are ignored here (the server refuses them). Soft rules run only on values that
 * pass the hard rules.
 */
export function checkSubmission(
  draft: SubmissionDraft,
  mode: CheckMode,
  indicators: readonly Indicator[] = INDICATORS,
): RuleIssue[] {
  const quarter = toQuarter(draft.quarter);
  const readings = new Map<IndicatorCode, Reading>();
  for (const indicator of indicators) {
    if (appliesToQuarter(indicator, quarter))
      readings.set(indicator.code as IndicatorCode, read(indicator, draft, quarter.q, mode));
  }
  return [...readings.values()].flatMap((reading) => [
    ...reading.hard,
    ...softIssues(reading, readings, draft),
  ]);
}

/** Whether the issues stop a submission: any hard issue, or a soft one without an explanation. */
export function blocksSubmission(issues: readonly RuleIssue[]): boolean {
  return issues.some((found) => found.severity === "hard" || !found.explained);
}

/**
 * The entry form for a quarter: themes with the indicators that apply (annual ones only in Q4), empty themes
 * dropped. `indicators`: the catalogue's in force that year (the built-in ones by default).
 */
export function formIndicators(
  quarter: QuarterLike,
  indicators: readonly Indicator[] = INDICATORS,
): ThemeIndicators[] {
  const applicable = indicators.filter((indicator) => appliesToQuarter(indicator, quarter));
  return indicatorsByTheme(applicable).filter((group) => group.indicators.length > 0);
}
