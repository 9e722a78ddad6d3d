import { nextQuarter, quarterOfDate, quarterStart } from "@zones/domain";

/** The most a time zone is ahead of UTC (UTC+14): a quarter begins nowhere earlier than this before UTC's. */
const MAX_UTC_OFFSET_MS = 14 * 3_600_000;

/**
 * When a seed run at `now` has work again: the seed reaches the last finished quarter (its reporting periods
 * and demo data), so it is complete until the quarter in progress ends. Judged early enough for any time zone,
 * never late: the prepare's marker (`cli/prepare-marker.mjs`) stops saying "prepared" from then on.
 */
export function seedDueAgainAt(now: Date): Date {
  const next = nextQuarter(quarterOfDate(now));
  return new Date(Date.parse(`${quarterStart(next)}T00:00:00Z`) - MAX_UTC_OFFSET_MS);
}
