import type { QuarterLike } from "./quarter";
import { toQuarter } from "./quarter";
import type { Indicator, Locale, LocalizedText } from "./types";

/** Shown wherever a value is missing. */
export const MISSING = "—";

export interface NumberFormatOptions {
  /** Exact number of decimal places; by default up to three, as Intl does. */
  decimals?: number;
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

function decimalOptions(decimals: number | undefined): Intl.NumberFormatOptions {
  return decimals === undefined ? {} : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
}

function isPresent(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** The text for the UI language: Chinese for `zh-CN`, English otherwise. */
export function localized(text: LocalizedText, locale: Locale): string {
  return locale === "zh-CN" ? text.zh : text.en;
}

/** Grouped number, e.g. 12,345.68; never "-0". Null, undefined, NaN and ±∞ give "—". */
export function formatNumber(
  value: number | null | undefined,
  locale: Locale,
  options: NumberFormatOptions = {},
): string {
  if (!isPresent(value)) return MISSING;
  return numberFormat(locale, { ...decimalOptions(options.decimals), signDisplay: "negative" }).format(value);
}

/** Short form: 1.2亿 / 1.2万 in Chinese, 123M / 12K in English. */
export function formatCompact(value: number | null | undefined, locale: Locale): string {
  if (!isPresent(value)) return MISSING;
  return numberFormat(locale, { notation: "compact", signDisplay: "negative" }).format(value);
}

/**
 * A value with the indicator's decimals and unit: "5.3%" in both languages, "1,929.50亿元" in Chinese,
 * "1,929.50 100 million yuan" in English.
 */
export function formatValue(value: number | null | undefined, indicator: Indicator, locale: Locale): string {
  if (!isPresent(value)) return MISSING;
  const number = formatNumber(value, locale, { decimals: indicator.decimals });
  const unit = localized(indicator.unit, locale);
  if (unit === "%" || locale === "zh-CN") return `${number}${unit}`;
  return `${number} ${unit}`;
}

/** A difference with an explicit sign: +1.2, -0.4, and 0 without a sign. */
export function formatChange(
  delta: number | null | undefined,
  locale: Locale,
  options: NumberFormatOptions = {},
): string {
  if (!isPresent(delta)) return MISSING;
  return numberFormat(locale, { ...decimalOptions(options.decimals), signDisplay: "exceptZero" }).format(
    delta,
  );
}

const ZH_QUARTER = { 1: "一", 2: "二", 3: "三", 4: "四" } as const;
const ZH_YEAR_TO_DATE = { 1: "一季度", 2: "上半年", 3: "前三季度", 4: "全年" } as const;

/** The quarter itself: 2025年第三季度 / Q3 2025. */
export function formatQuarterLabel(quarter: QuarterLike, locale: Locale): string {
  const { year, q } = toQuarter(quarter);
  return locale === "zh-CN" ? `${year}年第${ZH_QUARTER[q]}季度` : `Q${q} ${year}`;
}

/**
 * The period a year-to-date (累计) figure reported for the quarter covers:
 * 2025年一季度 / 上半年 / 前三季度 / 全年; Q1 2025 / H1 2025 / Q1–Q3 2025 / FY 2025.
 */
export function formatYtdLabel(quarter: QuarterLike, locale: Locale): string {
  const { year, q } = toQuarter(quarter);
  if (locale === "zh-CN") return `${year}年${ZH_YEAR_TO_DATE[q]}`;
  const periods = { 1: `Q1 ${year}`, 2: `H1 ${year}`, 3: `Q1–Q3 ${year}`, 4: `FY ${year}` } as const;
  return periods[q];
}
