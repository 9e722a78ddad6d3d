import type { QuarterString } from "./quarter";
import { addQuarters, compareQuarters, nextQuarter, quarterRange } from "./quarter";
import { DEFAULT_TIME_ZONE, defaultDeadline, type IsoDate, lastFinishedQuarter } from "./quarter-calendar";

/**
 * How far back the automatic opening catches up on quarters missed while no worker ran: a year. Older gaps
 * are an admin's decision (a database that starts its periods in 2026 must not have 2017 opened for it).
 */
export const PERIOD_CATCH_UP_QUARTERS = 4;

/** What the audit log records as the source of a change no person made: the daily opening job. */
export const PERIOD_SCHEDULE_SOURCE = "schedule";

/** A period the schedule opens: open for entry, with the default deadline. */
export interface AutomaticOpening {
  quarter: QuarterString;
  status: "open";
  deadline: IsoDate;
}

export function automaticOpening(quarter: QuarterString): AutomaticOpening {
  return { quarter, status: "open", deadline: defaultDeadline(quarter) };
}

/** The oldest ended quarter the opening at `now` looks at: periods before it do not matter. */
export function oldestQuarterToCatchUp(now: Date, timeZone: string = DEFAULT_TIME_ZONE): QuarterString {
  return addQuarters(lastFinishedQuarter(now, timeZone), 1 - PERIOD_CATCH_UP_QUARTERS);
}

/**
 * The quarters whose period opens by itself at `now` (quarter boundaries in Beijing): each quarter that has
 * ended after the newest period that exists among the last year's ended quarters, oldest first; only the last
 * ended quarter when none of them exists. A quarter with a period (an admin created, dated or closed it in
 * advance) is never among them: the caller opens each only if it still has none.
 */
export function quartersDueToOpen(
  now: Date,
  existingQuarters: Iterable<string>,
  timeZone: string = DEFAULT_TIME_ZONE,
): QuarterString[] {
  const lastEnded = lastFinishedQuarter(now, timeZone);
  const window = quarterRange(oldestQuarterToCatchUp(now, timeZone), lastEnded);
  const existing = new Set(existingQuarters);
  const newestExisting = window.filter((quarter) => existing.has(quarter)).at(-1);
  if (!newestExisting) return [lastEnded];
  if (compareQuarters(newestExisting, lastEnded) === 0) return [];
  return quarterRange(nextQuarter(newestExisting), lastEnded);
}
