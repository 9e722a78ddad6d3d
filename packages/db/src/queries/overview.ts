import { ALL_PEERS, type PeerGroup } from "@zones/domain";
import { type SQL, sql } from "drizzle-orm";

import type { Database } from "../client";
import { rowsOf } from "../rows";
import { peerGroupMember } from "./dashboard/peer-groups";

/** The next approved quarter below `quarter` (an index probe of (quarter, status)), or null. */
function approvedQuarterBelow(quarter: SQL) {
  return sql`(select s.quarter from submissions s
              where s.status = 'approved' and s.quarter < ${quarter}
              order by s.quarter desc limit 1)`;
}

const newestApprovedQuarter = sql`(select quarter from submissions where status = 'approved'
                                   order by quarter desc limit 1)`;

/**
 * Whether zone `z` is expected to report for `quarter`: active, named by then (`reports_from`) and not retired
 * (`retired_from`). A zone that joins mid-series leaves earlier quarters complete without it.
 */
export function reportsIn(quarter: SQL) {
  return sql`(z.active and (z.reports_from is null or z.reports_from <= ${quarter})
              and (z.retired_from is null or ${quarter} < z.retired_from))`;
}

/** How many zones expected to report have their submission of `quarter` approved (the (quarter, status) index). */
function approvedActiveZones(quarter: SQL) {
  return sql`(select count(*) from submissions s join zones z on z.code = s.zone_code and ${reportsIn(quarter)}
              where s.quarter = ${quarter} and s.status = 'approved')`;
}

/** How many zones are expected to report for `quarter`. */
function reportingZones(quarter: SQL) {
  return sql`(select count(*) from zones z where ${reportsIn(quarter)})`;
}

/**
 * The newest quarter in which every active zone's submission is approved: the default quarter of the
 * dashboards, so that zones are compared on complete data.
 *
 * A loose index scan of `submissions_quarter_status_idx` (quarter, status) walks the approved quarters
 * newest first, one index probe each, and stops at the first complete one. (Grouping every approved
 * submission by quarter read 112k rows in about 100 ms at 2,850 units; see docs/performance.md.)
 */
export async function latestCompleteQuarter(db: Database): Promise<string | null> {
  const result = await db.execute(sql`
    with recursive walk(quarter) as (
      select ${newestApprovedQuarter}
      union all
      select ${approvedQuarterBelow(sql`w.quarter`)}
      from walk w
      where w.quarter is not null and ${approvedActiveZones(sql`w.quarter`)} <> ${reportingZones(sql`w.quarter`)}
    )
    select w.quarter
    from walk w
    where w.quarter is not null and ${reportingZones(sql`w.quarter`)} > 0
      and ${approvedActiveZones(sql`w.quarter`)} = ${reportingZones(sql`w.quarter`)}`);
  return rowsOf<{ quarter: string }>(result)[0]?.quarter ?? null;
}

/**
 * Quarters that have at least one approved submission, newest first (bounded). A loose index scan: one
 * probe of (quarter, status) per distinct quarter, instead of `select distinct` over every approved
 * submission.
 */
export async function approvedQuarters(db: Database, params: { limit: number }): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive walk(quarter) as (
      select ${newestApprovedQuarter}
      union all
      select ${approvedQuarterBelow(sql`w.quarter`)} from walk w where w.quarter is not null
    )
    select quarter from walk where quarter is not null
    order by quarter desc limit ${params.limit}`);
  return rowsOf<{ quarter: string }>(result).map((row) => row.quarter);
}

export interface SubmissionStatusCount {
  status: "none" | "draft" | "submitted" | "returned" | "approved";
  zones: number;
}

/** How many zones expected to report are at each step of the workflow for a quarter ("none" = nothing entered). */
export async function submissionStatusCounts(
  db: Database,
  params: { quarter: string },
): Promise<SubmissionStatusCount[]> {
  const result = await db.execute(sql`
    select coalesce(s.status::text, 'none') as status, count(*)::int as zones
    from zones z
    left join submissions s on s.zone_code = z.code and s.quarter = ${params.quarter}
    where ${reportsIn(sql`${params.quarter}`)}
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
  /** 0..1 among the group's zones with a value, 1 = best. */
  percentile: number | null;
}

/**
 * One indicator for the shown active zones in a quarter, approved data only, ranked in SQL among the peer
 * group's zones (every zone by default: rank and percentile are national; only the shown zones' rows are
 * returned, and of a group only its own). A zone counts only for a quarter it is expected to report
 * (`reportsIn`): a value loaded for an earlier quarter is shown, but neither ranked nor counted.
 * `direction` comes from the catalogue; `lastYearQuarter` from the domain's quarter arithmetic.
 */
export async function indicatorRanking(
  db: Database,
  params: {
    indicatorCode: string;
    quarter: string;
    lastYearQuarter: string;
    direction: "higher" | "lower";
    /** The zones whose rows are returned (the page's); ranks count every zone of the group. */
    zoneCodes: readonly string[];
    /** Every zone (default) or a peer group. */
    peers?: PeerGroup;
  },
): Promise<ZoneRankingRow[]> {
  if (params.zoneCodes.length === 0) return [];
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
    , ranked as (
      select z.code, z.sort_order, cur.value, prev.value as last_year_value,
             case when ranks.value is null then null
                  else (rank() over (partition by ranks.value is null order by ranks.value ${best}))::int
             end as rank,
             case when ranks.value is null then null
                  else (percent_rank() over (partition by ranks.value is null order by ranks.value ${worst}))::float8
             end as percentile
      from zones z
      left join approved cur on cur.zone_code = z.code and cur.quarter = ${params.quarter}
      left join approved prev on prev.zone_code = z.code and prev.quarter = ${params.lastYearQuarter}
      -- What is ranked: the value of a zone expected to report for the quarter.
      cross join lateral (
        select case when ${reportsIn(sql`${params.quarter}`)} then cur.value end as value
      ) ranks
      where z.active and ${peerGroupMember(params.peers ?? ALL_PEERS)}
    )
    select code as "zoneCode", value::text as "value", last_year_value::text as "lastYearValue",
           rank, percentile
    from ranked
    where code in ${params.zoneCodes}
    -- Ranked zones first; then by value (qualified: bare \`value\` would be the text output column, ordering
    -- "12" before "2"), so a value that is not ranked (a quarter before the zone reports) comes after them.
    order by ranked.rank is null, ranked.rank, ranked.value is null, ranked.value ${best}, ranked.sort_order`);
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

/**
 * The headline indicators of the shown zones for a quarter, with the same quarter last year. Only the named
 * zones are read (the overview's cards): every unit's headlines were 14,250 rows and 350 ms at 2,850 units.
 */
export async function headlineValues(
  db: Database,
  params: { quarter: string; lastYearQuarter: string; zoneCodes: readonly string[] },
): Promise<HeadlineValueRow[]> {
  if (params.zoneCodes.length === 0) return [];
  const result = await db.execute(sql`
    with approved as (
      select o.zone_code, o.indicator_code, o.quarter, o.value
      from observations o
      join indicators i on i.code = o.indicator_code and i.headline
      join submissions s on s.zone_code = o.zone_code and s.quarter = o.quarter and s.status = 'approved'
      where o.quarter in (${params.quarter}, ${params.lastYearQuarter}) and o.zone_code in ${params.zoneCodes}
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
