import { sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";
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
}

export interface HeatCell {
  zoneCode: string;
  indicatorCode: string;
  /** As reported (year-to-date for cumulative indicators). */
  value: number | null;
  /**
   * `percent_rank()` among the active zones with a value for the indicator and quarter, oriented so that
   * 1 = best (by the indicator's direction); null without a value. A lone value ranks 0 (percent_rank).
   */
  percentile: number | null;
  revised: boolean;
  provisional: boolean;
}

/**
 * The shown indicators × the shown active zones for one quarter, with each value's oriented percentile
 * among every active zone, in one statement (catalogue order, then zone order). The direction comes from the
 * indicators table: values of "lower is better" indicators are ranked negated.
 *
 * Ranks need every active zone's value of the named indicators; only the shown cells leave the database
 * (12 zones × 30 indicators instead of every unit × every indicator: 2.1 MB → 40 kB at 246 units).
 */
export async function percentileHeat(db: Database, params: PercentileHeatParams): Promise<HeatCell[]> {
  assertListSize("zoneCodes", params.zoneCodes, 1, MAX_DASHBOARD_ZONES);
  assertListSize("indicatorCodes", params.indicatorCodes, 1, MAX_CATALOGUE_INDICATORS);
  const values = dashboardValues({
    span: quarterSpan(params.quarter, params.quarter),
    mode: "ytd",
    includeSubmitted: params.includeSubmitted,
    indicatorCodes: params.indicatorCodes,
    zones: { active: true },
  });
  const result = await db.execute(sql`
    with v as (${values}),
    cells as (
      select v.zone_code, v.indicator_code,
             case when i.direction = 'lower' then -v.value else v.value end as oriented,
             v.value, v.revised, v.provisional
      from v
      join indicators i on i.code = v.indicator_code
      where v.active and v.value is not null
    ),
    ranked as (
      select zone_code, indicator_code, value, revised, provisional,
             (percent_rank() over (partition by indicator_code order by oriented))::float8 as percentile
      from cells
    )
    select z.code as "zoneCode", i.code as "indicatorCode", r.value::text as value, r.percentile,
           coalesce(r.revised, false) as revised, coalesce(r.provisional, false) as provisional
    from zones z
    cross join indicators i
    left join ranked r on r.zone_code = z.code and r.indicator_code = i.code
    where z.active and z.code in ${params.zoneCodes} and i.code in ${params.indicatorCodes}
    order by i.sort_order, z.sort_order`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    zoneCode: String(row.zoneCode),
    indicatorCode: String(row.indicatorCode),
    value: toNumber(row.value),
    percentile: toNumber(row.percentile),
    revised: Boolean(row.revised),
    provisional: Boolean(row.provisional),
  }));
}
