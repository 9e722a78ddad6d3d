import type { QuarterLike } from "./quarter";
import { toQuarter } from "./quarter";
import { THEMES } from "./themes";
import type { Indicator, Theme } from "./types";

/*
 * What holds for any catalogue's indicators (the built-in one or the database's), apart from the built-in
 * catalogue: the pages name the database's catalogue and load these without it.
 */

/** Whether a value is expected for the quarter: quarterly indicators every quarter, annual ones with Q4 only. */
export function appliesToQuarter(indicator: Pick<Indicator, "frequency">, quarter: QuarterLike): boolean {
  return indicator.frequency === "quarterly" || toQuarter(quarter).q === 4;
}

/** The indicator of that code among `indicators` (a form's, the catalogue's); throws if it is not there. */
export function indicatorIn(indicators: readonly Indicator[], code: string): Indicator {
  const indicator = indicators.find((candidate) => candidate.code === code);
  if (!indicator) throw new RangeError(`unknown indicator code ${JSON.stringify(code)}`);
  return indicator;
}

export interface ThemeIndicators {
  theme: Theme;
  indicators: readonly Indicator[];
}

/** Indicators grouped by theme, themes in display order (`THEMES`), indicators in catalogue order. */
export function indicatorsByTheme(indicators: readonly Indicator[]): ThemeIndicators[] {
  return THEMES.map((theme) => ({
    theme,
    indicators: indicators.filter((indicator) => indicator.theme === theme.code),
  }));
}

/**
 * Whether single-quarter values can be derived from the reported year-to-date figures by subtraction:
 * only for cumulative amounts and counts. YTD growth rates, shares and averages cannot be split.
 */
export function isSingleQuarterDerivable(indicator: Indicator): boolean {
  return indicator.cumulative && (indicator.measure === "amount" || indicator.measure === "count");
}

/** What a year-to-date figure is: a running total, a YTD average, a YTD share or a YTD growth rate. */
export const YTD_KINDS = ["total", "average", "share", "growth"] as const;
export type YtdKind = (typeof YTD_KINDS)[number];

/**
 * The kind of year-to-date figure an indicator reports, or null for a value of the period. Statistical bulletins
 * label them 累计 / 累计平均 / 累计占比 / 累计增速: a bare 累计 on PM2.5 reads as a sum.
 */
export function ytdKind(indicator: Pick<Indicator, "cumulative" | "measure">): YtdKind | null {
  if (!indicator.cumulative) return null;
  switch (indicator.measure) {
    case "amount":
    case "count":
      return "total";
    case "average":
      return "average";
    case "share":
      return "share";
    case "rate":
      return "growth";
  }
}
