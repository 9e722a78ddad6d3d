import { sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";
import { dashboardValues, quarterSpan, toNumber } from "./values";

export interface PercentileHeatParams {
  quarter: string;
  includeSubmitted: boolean;
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
 * Every indicator × every active zone for one quarter, with each value's oriented percentile, in one
 * statement (catalogue order, then zone order). The direction comes from the indicators table: values of
 * "lower is better" indicators are ranked negated.
 */
export async function percentileHeat(db: Database, params: PercentileHeatParams): Promise<HeatCell[]> {
  const values = dashboardValues({
    span: quarterSpan(params.quarter, params.quarter),
    mode: "ytd",
    includeSubmitted: params.includeSubmitted,
    zones: { active: true },
  });
  const result = await db.execute(sql`
    with v as (${values}),
    cells as (
      select z.code as zone_code, z.sort_order as zone_order,
             i.code as indicator_code, i.sort_order as indicator_order,
             case when i.direction = 'lower' then -v.value else v.value end as oriented,
             v.value, v.revised, v.provisional
      from zones z
      cross join indicators i
      left join v on v.zone_code = z.code and v.indicator_code = i.code
      where z.active
    )
    select zone_code as "zoneCode", indicator_code as "indicatorCode", value::text as value,
           case when value is null then null
                else (percent_rank() over (partition by indicator_code, value is null order by oriented))::float8
           end as percentile,
           coalesce(revised, false) as revised, coalesce(provisional, false) as provisional
    from cells
    order by indicator_order, zone_order`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    zoneCode: String(row.zoneCode),
    indicatorCode: String(row.indicatorCode),
    value: toNumber(row.value),
    percentile: toNumber(row.percentile),
    revised: Boolean(row.revised),
    provisional: Boolean(row.provisional),
  }));
}
