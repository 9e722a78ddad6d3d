import { ALL_PEERS, type PeerGroup } from "@zones/domain";
import { sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";
import { peerGroupMember } from "./peer-groups";
import { ensurePeerStatistics } from "./peer-statistics";
import {
  assertListSize,
  dashboardValues,
  MAX_CATALOGUE_INDICATORS,
  MAX_DASHBOARD_ZONES,
  quarterSpan,
  toNumber,
} from "./values";

export interface PercentileHeatParams {
  quarter: string;
  includeSubmitted: boolean;
  /** The zones whose cells are returned (at most MAX_DASHBOARD_ZONES); inactive ones among them get none. */
  zoneCodes: readonly string[];
  /** The indicators whose columns are returned (the catalogue's at most). */
  indicatorCodes: readonly string[];
  /** Rank among every zone (default) or a peer group's zones; a group's table shows its own zones only. */
  peers?: PeerGroup;
}

export interface HeatCell {
  zoneCode: string;
  indicatorCode: string;
  /** As reported (year-to-date for cumulative indicators). */
  value: number | null;
  /**
   * `percent_rank()` among the group's zones reporting for the quarter with a value, oriented so that
   * 1 = best (by the indicator's direction); null without a value. A lone value ranks 0 (percent_rank).
   */
  percentile: number | null;
  revised: boolean;
  provisional: boolean;
}

/**
 * The shown indicators × the shown active zones for one quarter, with each value's oriented percentile
 * among the zones reporting for the quarter (catalogue order, then zone order). With a peer group, only the
 * group's shown zones, ranked among the group's zones.
 *
 * Approved data reads the percentiles stored with the peer statistics (`peer_percentiles`, recomputed with
 * them when an approval or reopening marks the quarter stale): one statement over the shown cells only
 * (median 69 → 31 ms at 246 units with the machine at load 15; docs/performance.md). With submitted values
 * included (reviewers), or a peer group, the ranks are computed live (`livePercentileHeat`), as the peer band is.
 */
export async function percentileHeat(db: Database, params: PercentileHeatParams): Promise<HeatCell[]> {
  if (params.includeSubmitted || (params.peers && params.peers.kind !== "all")) {
    return livePercentileHeat(db, params);
  }
  assertListSize("zoneCodes", params.zoneCodes, 1, MAX_DASHBOARD_ZONES);
  assertListSize("indicatorCodes", params.indicatorCodes, 1, MAX_CATALOGUE_INDICATORS);
  await ensurePeerStatistics(db, { from: params.quarter, to: params.quarter });
  const values = dashboardValues({
    span: quarterSpan(params.quarter, params.quarter),
    mode: "ytd",
    includeSubmitted: false,
    indicatorCodes: params.indicatorCodes,
    zones: { active: false, codes: params.zoneCodes },
  });
  const result = await db.execute(sql`
    with v as (${values})
    select z.code as "zoneCode", i.code as "indicatorCode", v.value::text as value, p.percentile,
           coalesce(v.revised, false) as revised, coalesce(v.provisional, false) as provisional
    from zones z
    cross join indicators i
    left join v on v.zone_code = z.code and v.indicator_code = i.code and v.value is not null
    left join peer_percentiles p
      on p.quarter = ${params.quarter} and p.indicator_code = i.code and p.zone_code = z.code
    where z.active and z.code in ${params.zoneCodes} and i.code in ${params.indicatorCodes}
    order by i.sort_order, z.sort_order`);
  return rowsOf<Record<string, unknown>>(result).map(toCell);
}

function toCell(row: Record<string, unknown>): HeatCell {
  return {
    zoneCode: String(row.zoneCode),
    indicatorCode: String(row.indicatorCode),
    value: toNumber(row.value),
    percentile: toNumber(row.percentile),
    revised: Boolean(row.revised),
    provisional: Boolean(row.provisional),
  };
}

/**
 * The heat table computed live, in one statement: a `percent_rank()` window over the values of the group's
 * zones reporting for the quarter (every zone by default; approved, and submitted ones with
 * `includeSubmitted`), for the named indicators. The group is narrowed in the scan. The direction comes from
 * the indicators table: values of "lower is better" indicators are ranked negated.
 */
export async function livePercentileHeat(db: Database, params: PercentileHeatParams): Promise<HeatCell[]> {
  const peers = params.peers ?? ALL_PEERS;
  assertListSize("zoneCodes", params.zoneCodes, 1, MAX_DASHBOARD_ZONES);
  assertListSize("indicatorCodes", params.indicatorCodes, 1, MAX_CATALOGUE_INDICATORS);
  const values = dashboardValues({
    span: quarterSpan(params.quarter, params.quarter),
    mode: "ytd",
    includeSubmitted: params.includeSubmitted,
    indicatorCodes: params.indicatorCodes,
    zones: { active: true, peers },
  });
  const result = await db.execute(sql`
    with v as (${values}),
    cells as (
      select v.zone_code, v.indicator_code,
             case when i.direction = 'lower' then -v.value else v.value end as oriented
      from v
      join indicators i on i.code = v.indicator_code
      where v.peer and v.value is not null
    ),
    ranked as (
      select zone_code, indicator_code,
             (percent_rank() over (partition by indicator_code order by oriented))::float8 as percentile
      from cells
    )
    -- The value whether ranked or not (a quarter before the zone reports), as the stored path shows it.
    select z.code as "zoneCode", i.code as "indicatorCode", v.value::text as value, r.percentile,
           coalesce(v.revised, false) as revised, coalesce(v.provisional, false) as provisional
    from zones z
    cross join indicators i
    left join v on v.zone_code = z.code and v.indicator_code = i.code and v.value is not null
    left join ranked r on r.zone_code = z.code and r.indicator_code = i.code
    where z.active and ${peerGroupMember(peers)} and z.code in ${params.zoneCodes}
      and i.code in ${params.indicatorCodes}
    order by i.sort_order, z.sort_order`);
  return rowsOf<Record<string, unknown>>(result).map(toCell);
}
