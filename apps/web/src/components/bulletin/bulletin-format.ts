import {
  formatChange,
  type Indicator,
  isBulletinQuarter,
  LOCALES,
  type Locale,
  type QuarterString,
} from "@zones/domain";

import { readQuarterInUrl } from "~/url-state/quarter";

/**
 * Change on the year: percentage points for rates and shares (a growth rate of 5.5 % after 5.0 % is +0.5
 * points), the relative change in percent for amounts, counts and averages. Null without both values, or from
 * zero (no relative change).
 */
export function changeOnYear(
  indicator: Pick<Indicator, "measure">,
  value: number | null,
  lastYear: number | null,
): { kind: "points" | "percent"; change: number } | null {
  if (value === null || lastYear === null) return null;
  if (indicator.measure === "rate" || indicator.measure === "share") {
    return { kind: "points", change: value - lastYear };
  }
  if (lastYear === 0) return null;
  return { kind: "percent", change: ((value - lastYear) / Math.abs(lastYear)) * 100 };
}

/** The change's number with its sign, one decimal (the unit is the message's: 个百分点 / pp, %). */
export function formatChangeNumber(change: number, locale: Locale): string {
  return formatChange(Math.round(change * 10) / 10, locale, { decimals: 1 });
}

/** `?lang=`: one of the app's languages; anything else (or nothing) is no choice. */
export function readBulletinLanguage(value: string | string[] | undefined): Locale | null {
  const text = Array.isArray(value) ? value[0] : value;
  return (LOCALES as readonly string[]).includes(text ?? "") ? (text as Locale) : null;
}

/** The quarter of a bulletin's file name (`2026Q2.pdf`), canonically spelt, 2017Q1 on; null for anything else. */
export function bulletinFileQuarter(file: string): QuarterString | null {
  if (file.length > 20 || !file.endsWith(".pdf")) return null;
  const read = readQuarterInUrl(file.slice(0, -".pdf".length));
  return read.action === "use" && isBulletinQuarter(read.quarter) ? read.quarter : null;
}

/** What a downloaded bulletin is called: `zones-bulletin-2026Q2-zh-CN.pdf`. */
export function bulletinDownloadName(quarter: string, language: Locale): string {
  return `zones-bulletin-${quarter}-${language}.pdf`;
}

/** The PDF's address in the app. */
export function bulletinPdfHref(quarter: string, language: Locale): string {
  return `/api/bulletins/${quarter}.pdf?lang=${language}`;
}
