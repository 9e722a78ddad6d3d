import { DEFAULT_TIME_ZONE } from "@zones/domain";

/** Deadlines are calendar dates in Beijing; "today" is judged there too. */

const DAY_MS = 86_400_000;

/** Today's date in Beijing, `YYYY-MM-DD` (computed on the server, so both renders agree). */
export function todayInBeijing(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: DEFAULT_TIME_ZONE }).format(now);
}

/** Days from `today` to `deadline` (both `YYYY-MM-DD`); negative once it has passed. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}
