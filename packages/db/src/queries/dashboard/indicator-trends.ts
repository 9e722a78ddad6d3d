import { sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";
import {
  assertListSize,
  dashboardValues,
  MAX_DASHBOARD_ZONES,
  quarterAxis,
  quarterSpan,
  type SeriesMode,
  toNumber,
} from "./values";

export interface IndicatorTrendsParams {
  indicatorCode: string;
  /** 1 to 12 zones, shown whether active or not. */
  zoneCodes?: readonly string[];
  /**
   * Without `zoneCodes`: the active zones among these 1 to 12 (the page's choices), read alone. Every active
   * zone when both are omitted (hundreds of lines at national scale: callers should bound it).
   */
  activeAmong?: readonly string[];
  from: string;
  to: string;
  includeSubmitted: boolean;
  /** Defaults to `ytd` (as reported). */
  mode?: SeriesMode;
}

export interface TrendRow {
  zoneCode: string;
  quarter: string;
  value: number | null;
  revised: boolean;
  provisional: boolean;
}

/**
 * One indicator over time for several zones: zone × quarter, dense (null where no value), zones in
 * catalogue order. Unknown zone codes are left out.
 */
export async function indicatorTrends(db: Database, params: IndicatorTrendsParams): Promise<TrendRow[]> {
  const span = quarterSpan(params.from, params.to);
  const codes = params.zoneCodes;
  if (codes) assertListSize("zoneCodes", codes, 1, MAX_DASHBOARD_ZONES);
  const among = codes ? undefined : params.activeAmong;
  if (among) assertListSize("activeAmong", among, 1, MAX_DASHBOARD_ZONES);
  const values = dashboardValues({
    span,
    mode: params.mode ?? "ytd",
    includeSubmitted: params.includeSubmitted,
    indicatorCodes: [params.indicatorCode],
    zones: codes ? { active: false, codes } : among ? { active: false, codes: among } : { active: true },
  });
  const chosen = codes
    ? sql`z.code in ${codes}`
    : among
      ? sql`z.active and z.code in ${among}`
      : sql`z.active`;
  const result = await db.execute(sql`
    with v as (${values}),
    axis as (${quarterAxis(span)})
    select z.code as "zoneCode", axis.quarter, v.value::text as value,
           coalesce(v.revised, false) as revised, coalesce(v.provisional, false) as provisional
    from zones z
    cross join axis
    left join v on v.zone_code = z.code and v.quarter = axis.quarter
    where ${chosen}
    order by z.sort_order, axis.quarter`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    zoneCode: String(row.zoneCode),
    quarter: String(row.quarter),
    value: toNumber(row.value),
    revised: Boolean(row.revised),
    provisional: Boolean(row.provisional),
  }));
}
