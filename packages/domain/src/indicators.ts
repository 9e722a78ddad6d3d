import { deepFreeze } from "./deep-freeze";
import { INDICATOR_CATALOGUE } from "./indicator-catalogue";
import type { Indicator } from "./types";

/** Indicator codes in catalogue order. A public contract: used in URLs and exports. */
export const INDICATOR_CODES = [
  "gdp",
  "gdp-growth",
  "industrial-va-growth",
  "fixed-asset-investment-growth",
  "tech-upgrade-investment-growth",
  "retail-sales",
  "budget-revenue",
  "foreign-trade",
  "manufacturing-share",
  "hightech-manufacturing-share",
  "strategic-emerging-share",
  "tertiary-share",
  "rd-intensity",
  "hightech-enterprises",
  "rd-platforms",
  "new-business-registrations",
  "private-investment-growth",
  "online-government-services",
  "energy-intensity-reduction",
  "solid-waste-utilisation",
  "pm25",
  "good-air-days",
  "land-restored",
  "new-urban-jobs",
  "urban-unemployment",
  "urban-income",
  "rural-income",
  "urbanisation-rate",
  "relocation-projects",
  "heritage-projects",
] as const;

/** One of the built-in indicators' codes (the seed's, the tests'). */
export type BuiltInIndicatorCode = (typeof INDICATOR_CODES)[number];

/** An indicator's code: which exist is the catalogue's in the database to say (an admin adds indicators). */
export type IndicatorCode = string;

/** The 30 indicators of the starting catalogue, frozen. */
export const INDICATORS: readonly Indicator[] = deepFreeze(INDICATOR_CATALOGUE);

const indicatorsByCode = new Map<string, Indicator>(
  INDICATORS.map((indicator) => [indicator.code, indicator]),
);

export function isIndicatorCode(code: string): code is BuiltInIndicatorCode {
  return indicatorsByCode.has(code);
}

export function findIndicator(code: string): Indicator | undefined {
  return indicatorsByCode.get(code);
}

/** Like `findIndicator`, but throws on an unknown code. */
export function getIndicator(code: string): Indicator {
  const indicator = indicatorsByCode.get(code);
  if (!indicator) throw new RangeError(`unknown indicator code ${JSON.stringify(code)}`);
  return indicator;
}

// The rules that hold for any catalogue's indicators live apart, so that the pages (which name the database's
// catalogue) load them without the built-in catalogue above.
export {
  appliesToQuarter,
  indicatorIn,
  indicatorsByTheme,
  isSingleQuarterDerivable,
  type ThemeIndicators,
  YTD_KINDS,
  type YtdKind,
  ytdKind,
} from "./indicator-rules";
