import type { CityType, Region } from "./peer-groups";
import type { QuarterString } from "./quarter";

/** A text in both UI languages. The UI is Chinese first; English is the switch. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export type Locale = "zh-CN" | "en";

export type ThemeCode = "growth" | "structure" | "innovation" | "business" | "green" | "livelihood" | "urban";

export interface Theme {
  code: ThemeCode;
  name: LocalizedText;
}

/** Which way is good news: rising GDP, or falling unemployment. */
export type Direction = "higher" | "lower";

/** Quarterly indicators are reported every quarter; annual ones are entered with Q4 only. */
export type Frequency = "quarterly" | "annual";

/**
 * What kind of number the indicator is. Decides what may be derived from it:
 * a single-quarter value can be derived by subtraction only from a cumulative amount or count;
 * year-to-date rates, shares and averages cannot be split into quarters.
 */
export type Measure = "amount" | "count" | "rate" | "share" | "average";

export interface Indicator {
  /** Stable lowercase kebab-case code, used in URLs and exports, e.g. `gdp-growth`. */
  code: string;
  theme: ThemeCode;
  name: LocalizedText;
  /** A sentence defining what is measured and how. */
  definition: LocalizedText;
  /** Unit shown beside values, e.g. 亿元 / 100 million yuan, %, 家 / firms. */
  unit: LocalizedText;
  direction: Direction;
  frequency: Frequency;
  /** Reported as a year-to-date (累计) figure: Q1, H1, Q1–Q3, full year. */
  cumulative: boolean;
  measure: Measure;
  /** Physically possible range; a value outside it is refused (hard rule). */
  validRange: { min: number; max: number };
  /** Decimal places shown and accepted. */
  decimals: number;
  /** Where the figure comes from. */
  source: LocalizedText;
  /** Shown on the overview cards. */
  headline: boolean;
  /**
   * Soft rule: how far a value may move from the same quarter last year before the filer is asked to check it
   * (% for amounts, counts and averages; percentage points for rates and shares). Null: the default of its measure.
   */
  yoyThreshold: number | null;
  /** First year the indicator is reported (null: from the programme's start). */
  inForceFrom: number | null;
  /** Last year the indicator is reported (null: still reported). Its history is kept. */
  retiredAfter: number | null;
}

export interface MemberCity {
  /** Stable code within the zone, e.g. `HN-C-ZZ`. */
  code: string;
  name: LocalizedText;
}

export interface Zone {
  /** Stable code, e.g. `HB-HS`. Contract: used in URLs, exports and demo accounts. */
  code: string;
  name: LocalizedText;
  /** Short name for charts and cards, e.g. 黄石 / Huangshi. */
  shortName: LocalizedText;
  province: LocalizedText;
  /** Batch of designation: 1 = 2017 (发改振兴〔2017〕671号), 2 = 2019. */
  batch: number;
  designatedYear: number;
  /** The day the zone was named (ISO date; the 2019 notice's day is not known, so the 1st of its month). */
  namedOn: string;
  /** First quarter the zone is expected to report. */
  reportsFrom: QuarterString;
  /** First quarter the zone no longer reports (retired; its history is kept), or null. */
  retiredFrom: QuarterString | null;
  /** Peer groups: the primary city type and the economic region. */
  cityType: CityType;
  region: Region;
  memberCities: MemberCity[];
}
