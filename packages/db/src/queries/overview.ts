import { sql } from "drizzle-orm";

import type { Database } from "../client";
import { rowsOf } from "../rows";

/**
 * The newest quarter in which every active zone's submission is approved: the default quarter of the
 * dashboards, so that zones are compared on complete data.
 */
export async function latestCompleteQuarter(db: Database): Promise<string | null> {
  const result = await db.execute(sql`
    select s.quarter
    from submissions s
    join zones z on z.code = s.zone_code and z.active
    where s.status = 'approved'
    group by s.quarter
    having count(*) = (select count(*) from zones where active)
    order by s.quarter desc
    limit 1`);
  return rowsOf<{ quarter: string }>(result)[0]?.quarter ?? null;
}

/** Quarters that have at least one approved submission, newest first (bounded). */
export async function approvedQuarters(db: Database, params: { limit: number }): Promise<string[]> {
  const result = await db.execute(sql`
    select distinct quarter from submissions where status = 'approved'
    order by quarter desc limit ${params.limit}`);
  return rowsOf<{ quarter: string }>(result).map((row) => row.quarter);
}

export interface SubmissionStatusCount {
  status: "none" | "draft" | "submitted" | "returned" | "approved";
  zones: number;
}

/** How many active zones are at each step of the workflow for a quarter ("none" = nothing entered). */
export async function submissionStatusCounts(
  db: Database,
  params: { quarter: string },
): Promise<SubmissionStatusCount[]> {
  const result = await db.execute(sql`
    select coalesce(s.status::text, 'none') as status, count(*)::int as zones
    from zones z
    left join submissions s on s.zone_code = z.code and s.quarter = ${params.quarter}
    where z.active
    group by 1
    order by 1`);
  return rowsOf<SubmissionStatusCount>(result);
}

export interface ZoneRankingRow {
  zoneCode: string;
  /** Exact value as text; null when the zone has no approved value for the quarter. */
  value: string | null;
  /** The same quarter a year earlier, approved. */
  lastYearValue: string | null;
  /** 1 = best, by the indicator's direction; ties share a rank. */
  rank: number | null;
  /** 0..1 among zones with a value, 1 = best. */
  percentile: number | null;
}

/**
 * One indicator for every active zone in a quarter, approved data only, ranked in SQL.
 * `direction` comes from the catalogue; `lastYearQuarter` from the domain's quarter arithmetic.
 */
export async function indicatorRanking(
  db: Database,
  params: { indicatorCode: string; quarter: string; lastYearQuarter: string; direction: "higher" | "lower" },
): Promise<ZoneRankingRow[]> {
  const best = sql.raw(params.direction === "higher" ? "desc" : "asc");
  const worst = sql.raw(params.direction === "higher" ? "asc" : "desc");
  const result = await db.execute(sql`
    with approved as (
      select o.zone_code, o.quarter, o.value
      from observations o
      join submissions s on s.zone_code = o.zone_code and s.quarter = o.quarter and s.status = 'approved'
      where o.indicator_code = ${params.indicatorCode}
        and o.quarter in (${params.quarter}, ${params.lastYearQuarter})
    )
    select z.code as "zoneCode",
           cur.value::text as "value",
           prev.value::text as "lastYearValue",
           case when cur.value is null then null
                else (rank() over (partition by cur.value is null order by cur.value ${best}))::int end as "rank",
           case when cur.value is null then null
                else (percent_rank() over (partition by cur.value is null order by cur.value ${worst}))::float8
           end as "percentile"
    from zones z
    left join approved cur on cur.zone_code = z.code and cur.quarter = ${params.quarter}
    left join approved prev on prev.zone_code = z.code and prev.quarter = ${params.lastYearQuarter}
    where z.active
    order by cur.value is null, cur.value ${best}, z.sort_order`);
  return rowsOf<ZoneRankingRow>(result).map((row) => ({
    ...row,
    rank: row.rank === null ? null : Number(row.rank),
    percentile: row.percentile === null ? null : Number(row.percentile),
  }));
}

export interface HeadlineValueRow {
  zoneCode: string;
  indicatorCode: string;
  value: string;
  lastYearValue: string | null;
}

/** The headline indicators of every active zone for a quarter, with the same quarter last year. */
export async function headlineValues(
  db: Database,
  params: { quarter: string; lastYearQuarter: string },
): Promise<HeadlineValueRow[]> {
  const result = await db.execute(sql`
    with approved as (
      select o.zone_code, o.indicator_code, o.quarter, o.value
      from observations o
      join indicators i on i.code = o.indicator_code and i.headline
      join submissions s on s.zone_code = o.zone_code and s.quarter = o.quarter and s.status = 'approved'
      where o.quarter in (${params.quarter}, ${params.lastYearQuarter})
    )
    select cur.zone_code as "zoneCode", cur.indicator_code as "indicatorCode",
           cur.value::text as "value", prev.value::text as "lastYearValue"
    from approved cur
    left join approved prev
      on prev.zone_code = cur.zone_code and prev.indicator_code = cur.indicator_code
     and prev.quarter = ${params.lastYearQuarter}
    where cur.quarter = ${params.quarter}`);
  return rowsOf<HeadlineValueRow>(result);
}
