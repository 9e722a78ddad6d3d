import type { QuarterLike, QuarterNumber, QuarterString } from "./quarter";
import { formatQuarter, prevQuarter, toQuarter } from "./quarter";

/** A calendar date as `YYYY-MM-DD`, without time or time zone. */
export type IsoDate = string;

/** The programme runs on Beijing time; "today" and quarter boundaries are judged there. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/**
 * The time zones a schedule form offers, Beijing time first: China's own, then UTC and the zones of the places
 * a ministry's recipients are likeliest to be. Any other IANA name stays valid through the API.
 */
export const SCHEDULE_TIME_ZONES = Object.freeze([
  DEFAULT_TIME_ZONE,
  "Asia/Urumqi",
  "Asia/Hong_Kong",
  "Asia/Macau",
  "Asia/Taipei",
  "UTC",
  "Asia/Tokyo",
  "Asia/Seoul",
  "Asia/Singapore",
  "Asia/Kolkata",
  "Asia/Dubai",
  "Europe/Moscow",
  "Europe/Berlin",
  "Europe/Paris",
  "Europe/London",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Australia/Sydney",
] as const);

/** Beijing's offset from UTC, for instants written as text (`2026-10-01T00:00:00+08:00`): no summer time. */
export const DEFAULT_UTC_OFFSET = "+08:00";

/** The programme's first quarter: the first zones were designated in 2017 (发改振兴〔2017〕671号). */
export const FIRST_QUARTER: QuarterString = "2017Q1";

/** Days after quarter end by which a zone should have reported (statistics are out in about a month). */
export const DEFAULT_DEADLINE_DAYS = 25;

const QUARTER_END_DAY: Record<QuarterNumber, string> = { 1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31" };
const QUARTER_START_DAY: Record<QuarterNumber, string> = { 1: "01-01", 2: "04-01", 3: "07-01", 4: "10-01" };

/** First day of the quarter, e.g. `2025-07-01` for 2025Q3. */
export function quarterStart(quarter: QuarterLike): IsoDate {
  const { year, q } = toQuarter(quarter);
  return `${year}-${QUARTER_START_DAY[q]}`;
}

/** Last day of the quarter, e.g. `2025-09-30` for 2025Q3. */
export function quarterEnd(quarter: QuarterLike): IsoDate {
  const { year, q } = toQuarter(quarter);
  return `${year}-${QUARTER_END_DAY[q]}`;
}

function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split("-").map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    throw new RangeError(`addDays: "${date}" is not a YYYY-MM-DD date`);
  }
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Reporting deadline: quarter end + 25 days, e.g. 2025Q4 → `2026-01-25` (a calendar date in Beijing). */
export function defaultDeadline(quarter: QuarterLike): IsoDate {
  return addDays(quarterEnd(quarter), DEFAULT_DEADLINE_DAYS);
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric" });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The quarter containing `date` as seen on the calendar of `timeZone` (Beijing by default). */
export function quarterOfDate(date: Date, timeZone: string = DEFAULT_TIME_ZONE): QuarterString {
  if (Number.isNaN(date.getTime())) throw new RangeError("quarterOfDate: the date is invalid");
  const parts = dateFormatter(timeZone).formatToParts(date);
  const year = Number(parts.find((part) => part.type === "year")?.value);
  const month = Number(parts.find((part) => part.type === "month")?.value);
  const q = Math.floor((month - 1) / 3) + 1;
  if (q !== 1 && q !== 2 && q !== 3 && q !== 4) {
    throw new RangeError(`quarterOfDate: could not read the month of ${date.toISOString()} in ${timeZone}`);
  }
  return formatQuarter({ year, q });
}

/** The most recent quarter that has ended by `now`, e.g. 2026Q3 on 2026-11-28. */
export function lastFinishedQuarter(now: Date, timeZone: string = DEFAULT_TIME_ZONE): QuarterString {
  return prevQuarter(quarterOfDate(now, timeZone));
}
