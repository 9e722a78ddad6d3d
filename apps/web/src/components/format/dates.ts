import { DEFAULT_TIME_ZONE, type Locale } from "@zones/domain";

/**
 * Dates and times as the screens show them. Moments are shown on the Beijing clock; calendar dates
 * (`YYYY-MM-DD`, e.g. deadlines) are already Beijing dates and are formatted as such (in UTC, unshifted).
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** A moment, e.g. 2026年10月22日 16:00 / Oct 22, 2026, 16:00; null when there is none (or it is invalid). */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale): string | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return cachedFormat(
    `dt|${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: "medium",
        timeStyle: "short",
        hourCycle: "h23",
        timeZone: DEFAULT_TIME_ZONE,
      }),
  ).format(date);
}

/** A moment in digits, e.g. 2026/10/22 16:00 / 10/22/2026, 16:00 (the entry form's history and notices). */
export function formatNumericDateTime(date: Date, locale: Locale): string {
  return cachedFormat(
    `ndt|${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZone: DEFAULT_TIME_ZONE,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hour12: false,
      }),
  ).format(date);
}

/** A calendar date `YYYY-MM-DD`, e.g. 2026年10月25日 / Oct 25, 2026; anything else is returned as it is. */
export function formatDate(date: string, locale: Locale): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return cachedFormat(
    `d|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }),
  ).format(parsed);
}

/** A calendar date `YYYY-MM-DD` written out, e.g. 2026年10月25日 / October 25, 2026 (the review screens). */
export function formatLongDate(value: string | null | undefined, locale: Locale): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value ?? null;
  return cachedFormat(
    `ld|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }),
  ).format(new Date(`${value}T00:00:00Z`));
}

/** A calendar date as the server formatted it for the page, so the browser need not build a formatter. */
export interface ServedDate {
  date: string;
  text: string;
}

/** The server's text when it is for `date`, else `formatDate` (the date changed since the page was served). */
export function formatServedDate(date: string, served: ServedDate | null, locale: Locale): string {
  return served?.date === date ? served.text : formatDate(date, locale);
}
