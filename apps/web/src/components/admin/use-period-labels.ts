"use client";

import { formatQuarterLabel, type Locale, type QuarterString } from "@zones/domain";
import { useLocale } from "next-intl";

import { formatLongDate } from "~/components/format/dates";

/** Quarters and deadlines as the period screen writes them (e.g. 2026年第四季度, 2027年1月25日). */
export function usePeriodLabels() {
  const locale = useLocale() as Locale;
  return {
    quarter: (quarter: string) => formatQuarterLabel(quarter as QuarterString, locale),
    date: (iso: string) => formatLongDate(iso, locale) ?? iso,
  };
}
