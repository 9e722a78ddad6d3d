import { sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";
import { dashboardValues, quarterAxis, quarterSpan, type SeriesMode, toNumber } from "./values";

export interface IndicatorDistributionParams {
  indicatorCode: string;
  from: string;
  to: string;
  includeSubmitted: boolean;
  /** Defaults to `ytd` (as reported). */
  mode?: SeriesMode;
}

export interface DistributionRow {
  quarter: string;
  /** Active zones with a value. */
  zones: number;
  min: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  max: number | null;
}

/**
 * One indicator's spread across the active zones, per quarter of the range (every quarter, `zones: 0` and
 * nulls where nobody has a value): min, quartiles (`percentile_cont`) and max, for a box or band chart.
 */
export async function indicatorDistribution(
  db: Database,
  params: IndicatorDistributionParams,
): Promise<DistributionRow[]> {
  const span = quarterSpan(params.from, params.to);
  const values = dashboardValues({
    span,
    mode: params.mode ?? "ytd",
    includeSubmitted: params.includeSubmitted,
    indicatorCodes: [params.indicatorCode],
    zones: { active: true },
  });
  const result = await db.execute(sql`
    with v as (${values}),
    axis as (${quarterAxis(span)})
    select axis.quarter, count(v.value)::int as zones,
           min(v.value)::text as min,
           percentile_cont(0.25) within group (order by v.value::float8) as p25,
           percentile_cont(0.5) within group (order by v.value::float8) as median,
           percentile_cont(0.75) within group (order by v.value::float8) as p75,
           max(v.value)::text as max
    from axis
    left join v on v.quarter = axis.quarter
    group by axis.quarter
    order by axis.quarter`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    quarter: String(row.quarter),
    zones: Number(row.zones),
    min: toNumber(row.min),
    p25: toNumber(row.p25),
    median: toNumber(row.median),
    p75: toNumber(row.p75),
    max: toNumber(row.max),
  }));
}
