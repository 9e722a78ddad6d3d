"use client";

import type { Locale } from "@zones/domain";
import { useLocale } from "next-intl";

import { formatDateTime } from "~/components/format/dates";

/** `formatDateTime` in the page's language, with "—" for no moment. */
export function useDateTime(): (value: Date | string | null) => string {
  const locale = useLocale() as Locale;
  return (value) => formatDateTime(value, locale) ?? "—";
}
