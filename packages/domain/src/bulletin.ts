import { compareQuarters, type QuarterString } from "./quarter";
import { FIRST_QUARTER } from "./quarter-calendar";

/**
 * The quarterly bulletin (季度监测通报): a printable report of one quarter, issued on demand or when every
 * zone's submission of the quarter is approved.
 */

/** What issued a bulletin: a reviewer's download, or the approval of the quarter's last submission. */
export const BULLETIN_TRIGGERS = ["manual", "all-approved"] as const;
export type BulletinTrigger = (typeof BULLETIN_TRIGGERS)[number];

/** Quarters each zone's small multiples show, ending at the bulletin's quarter (two years). */
export const BULLETIN_TREND_QUARTERS = 8;

/** Most revisions one bulletin lists (the newest); a longer list says how many were left out. */
export const BULLETIN_MAX_REVISIONS = 100;

/** The footer of every printed page; `{page}` and `{pages}` are filled in by the browser. */
export const BULLETIN_PAGE_NUMBERS = {
  "zh-CN": "第 {page} 页 / 共 {pages} 页",
  en: "Page {page} of {pages}",
} as const;

/** Bulletins exist from the programme's first quarter on (a quarter before it has no data and no trend). */
export function isBulletinQuarter(quarter: QuarterString): boolean {
  return compareQuarters(quarter, FIRST_QUARTER) >= 0;
}
