import {
  addQuarters,
  appliesToQuarter,
  type Indicator,
  indicatorInForce,
  type QuarterString,
  type ThemeCode,
  toQuarter,
} from "@zones/domain";

/** The heat table's columns: the theme's indicators in force in the quarter's year (annual ones too). */
export function heatIndicators(
  indicators: readonly Indicator[],
  quarter: QuarterString,
  theme: ThemeCode,
): Indicator[] {
  const year = `${toQuarter(quarter).year}Q4` as QuarterString;
  return indicators.filter((indicator) => indicator.theme === theme && indicatorInForce(indicator, year));
}

/**
 * The last year end whose values a Q1–Q3 heat table shows for its annual columns: null for a Q4, and null when
 * the theme has no column that the quarter itself lacks (then its extras are neither fetched nor sent).
 */
export function heatYearEnd(
  indicators: readonly Indicator[],
  quarter: QuarterString,
  theme: ThemeCode,
): QuarterString | null {
  const { q } = toQuarter(quarter);
  if (q === 4) return null;
  const needed = heatIndicators(indicators, quarter, theme).some(
    (indicator) => !appliesToQuarter(indicator, quarter),
  );
  return needed ? addQuarters(quarter, -q) : null;
}
