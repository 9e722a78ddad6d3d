import { sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";
import {
  assertListSize,
  dashboardValues,
  MAX_DASHBOARD_INDICATORS,
  quarterAxis,
  quarterSpan,
  type SeriesMode,
  toNumber,
} from "./values";

/** How many zones a comparison puts side by side. */
export const COMPARE_MIN_ZONES = 2;
export const COMPARE_MAX_ZONES = 4;

export interface CompareSeriesParams {
  /** 2 to 4 zones, shown whether active or not. */
  zoneCodes: readonly string[];
  /** 1 to 12 indicators. */
  indicatorCodes: readonly string[];
  from: string;
  to: string;
  mode: SeriesMode;
  includeSubmitted: boolean;
}

export interface CompareRow {
  zoneCode: string;
  indicatorCode: string;
  quarter: string;
  value: number | null;
  revised: boolean;
  provisional: boolean;
}

/**
 * A few zones side by side on a few indicators: zone × indicator × quarter, dense, in catalogue order
 * (indicator, then zone, then quarter), with the same derivation as `zoneSeries`.
 */
export async function compareSeries(db: Database, params: CompareSeriesParams): Promise<CompareRow[]> {
  const span = quarterSpan(params.from, params.to);
  assertListSize("zoneCodes", params.zoneCodes, COMPARE_MIN_ZONES, COMPARE_MAX_ZONES);
  assertListSize("indicatorCodes", params.indicatorCodes, 1, MAX_DASHBOARD_INDICATORS);
  const values = dashboardValues({
    span,
    mode: params.mode,
    includeSubmitted: params.includeSubmitted,
    indicatorCodes: params.indicatorCodes,
    zones: { active: false, codes: params.zoneCodes },
  });
  const result = await db.execute(sql`
    with v as (${values}),
    axis as (${quarterAxis(span)})
    select z.code as "zoneCode", i.code as "indicatorCode", axis.quarter, v.value::text as value,
           coalesce(v.revised, false) as revised, coalesce(v.provisional, false) as provisional
    from zones z
    cross join indicators i
    cross join axis
    left join v on v.zone_code = z.code and v.indicator_code = i.code and v.quarter = axis.quarter
    where z.code in ${params.zoneCodes} and i.code in ${params.indicatorCodes}
    order by i.sort_order, z.sort_order, axis.quarter`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    zoneCode: String(row.zoneCode),
    indicatorCode: String(row.indicatorCode),
    quarter: String(row.quarter),
    value: toNumber(row.value),
    revised: Boolean(row.revised),
    provisional: Boolean(row.provisional),
  }));
}
