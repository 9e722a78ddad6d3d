import {
  addQuarters,
  BULLETIN_TREND_QUARTERS,
  DEFAULT_TIME_ZONE,
  sameQuarterLastYear,
  toQuarter,
} from "@zones/domain";
import { sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";
import { ensurePeerStatistics } from "../dashboard/peer-statistics";
import { dashboardValues, quarterSpan, toNumber } from "../dashboard/values";
import { reportsIn } from "../overview";

/** The quarters a bulletin reads: its quarter, the same quarter a year before, and its trend's span. */
export function bulletinSpan(quarter: string) {
  return {
    quarter,
    lastYearQuarter: sameQuarterLastYear(toQuarter(quarter)),
    from: addQuarters(toQuarter(quarter), 1 - BULLETIN_TREND_QUARTERS),
    to: quarter,
  };
}

export interface BulletinHeadlineRow {
  zoneCode: string;
  indicatorCode: string;
  /** Approved value of the quarter, as reported (year-to-date for cumulative indicators). */
  value: number | null;
  lastYearValue: number | null;
  /** Among the zones reporting for the quarter with an approved value, 1 = best by the indicator's direction; ties share. */
  rank: number | null;
  /** How many of those zones have a value (the rank's "of N"). */
  ranked: number;
}

/**
 * Every active zone × headline indicator of a quarter: the approved value, the same quarter last year and the
 * peer rank, in one statement over the dashboards' `values` (zone order, then catalogue order).
 */
export async function bulletinHeadlines(
  db: Database,
  params: { quarter: string },
): Promise<BulletinHeadlineRow[]> {
  const { quarter, lastYearQuarter } = bulletinSpan(params.quarter);
  const values = dashboardValues({
    span: quarterSpan(lastYearQuarter, quarter),
    mode: "ytd",
    includeSubmitted: false,
    zones: { active: true },
  });
  const result = await db.execute(sql`
    with v as (${values}),
    cur as (
      select v.zone_code, v.indicator_code, v.value,
             rank() over (partition by v.indicator_code
                          order by case when i.direction = 'lower' then -v.value else v.value end desc)::int as rank,
             count(*) over (partition by v.indicator_code)::int as ranked
      from v join indicators i on i.code = v.indicator_code and i.headline
      where v.peer and v.quarter = ${quarter} and v.value is not null
    )
    select z.code as "zoneCode", i.code as "indicatorCode", cur.value::text as value,
           prev.value::text as "lastYearValue", cur.rank, coalesce(max(cur.ranked) over (partition by i.code), 0) as ranked
    from zones z
    cross join indicators i
    left join cur on cur.zone_code = z.code and cur.indicator_code = i.code
    left join v prev on prev.zone_code = z.code and prev.indicator_code = i.code and prev.quarter = ${lastYearQuarter}
    where ${bulletinZones(quarter)} and i.headline
    order by z.sort_order, i.sort_order`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    zoneCode: String(row.zoneCode),
    indicatorCode: String(row.indicatorCode),
    value: toNumber(row.value),
    lastYearValue: toNumber(row.lastYearValue),
    rank: row.rank === null ? null : Number(row.rank),
    ranked: Number(row.ranked),
  }));
}

export interface BulletinTrendRow {
  zoneCode: string;
  indicatorCode: string;
  quarter: string;
  value: number | null;
  /** The peer band: p25, median and p75 of the active zones' approved values (the zone page's band). */
  low: number | null;
  median: number | null;
  high: number | null;
}

/**
 * Each active zone's headline indicators over the trend's quarters beside the peer band of `peer_statistics`
 * (stale quarters recomputed first), dense: zone × headline indicator × quarter, in one statement.
 */
export async function bulletinTrends(db: Database, params: { quarter: string }): Promise<BulletinTrendRow[]> {
  const { from, to } = bulletinSpan(params.quarter);
  const span = quarterSpan(from, to);
  await ensurePeerStatistics(db, span);
  const values = dashboardValues({ span, mode: "ytd", includeSubmitted: false, zones: { active: true } });
  const result = await db.execute(sql`
    with v as (${values}),
    axis as (select (g / 4)::text || 'Q' || (g % 4 + 1)::text as quarter
             from generate_series(${span.start}::int, ${span.end}::int) as g)
    select z.code as "zoneCode", i.code as "indicatorCode", axis.quarter, v.value::text as value,
           b.p25 as low, b.median, b.p75 as high
    from zones z
    cross join indicators i
    cross join axis
    left join v on v.zone_code = z.code and v.indicator_code = i.code and v.quarter = axis.quarter
    left join peer_statistics b on b.mode = 'ytd' and b.indicator_code = i.code and b.quarter = axis.quarter
    where ${bulletinZones(params.quarter)} and i.headline
    order by z.sort_order, i.sort_order, axis.quarter`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    zoneCode: String(row.zoneCode),
    indicatorCode: String(row.indicatorCode),
    quarter: String(row.quarter),
    value: toNumber(row.value),
    low: toNumber(row.low),
    median: toNumber(row.median),
    high: toNumber(row.high),
  }));
}

export interface BulletinCompletenessRow {
  zoneCode: string;
  /** `none` when the zone entered nothing for the quarter. */
  status: "none" | "draft" | "submitted" | "returned" | "approved";
  submittedAt: Date | null;
  /** The period's deadline (Beijing date, `YYYY-MM-DD`). */
  deadline: string | null;
  late: boolean;
  /** Whole days from the deadline to the (Beijing) day of submission; null unless submitted. */
  daysLate: number | null;
}

/** Every active zone's submission state of the quarter, with the deadline and how late it came (zone order). */
export async function bulletinCompleteness(
  db: Database,
  params: { quarter: string },
): Promise<BulletinCompletenessRow[]> {
  const result = await db.execute(sql`
    select z.code as "zoneCode", coalesce(s.status::text, 'none') as status, s.submitted_at as "submittedAt",
           p.deadline::text as deadline, coalesce(s.late, false) as late,
           ((s.submitted_at at time zone ${DEFAULT_TIME_ZONE})::date - p.deadline)::int as "daysLate"
    from zones z
    left join submissions s on s.zone_code = z.code and s.quarter = ${params.quarter}
    left join reporting_periods p on p.quarter = ${params.quarter}
    where ${bulletinZones(params.quarter)}
    order by z.sort_order`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    zoneCode: String(row.zoneCode),
    status: row.status as BulletinCompletenessRow["status"],
    submittedAt: row.submittedAt ? new Date(row.submittedAt as string) : null,
    deadline: row.deadline === null ? null : String(row.deadline),
    late: Boolean(row.late),
    daysLate: row.daysLate === null ? null : Number(row.daysLate),
  }));
}

/** The zones a bulletin of `quarter` is about: the programme's zones expected to report for it. */
function bulletinZones(quarter: string) {
  return sql`(z.programme and ${reportsIn(sql`${quarter}`)})`;
}
