import { sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";
import { ensurePeerStatistics, peerAggregates } from "./peer-statistics";
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
 * Approved data is read from `peer_statistics` (stale quarters recomputed first); with submitted values it is computed here.
 */
export async function indicatorDistribution(
  db: Database,
  params: IndicatorDistributionParams,
): Promise<DistributionRow[]> {
  const span = quarterSpan(params.from, params.to);
  const mode = params.mode ?? "ytd";
  if (!params.includeSubmitted) await ensurePeerStatistics(db, span);
  const spread = params.includeSubmitted
    ? sql`select quarter, ${peerAggregates(sql`value`)}
          from (${dashboardValues({
            span,
            mode,
            includeSubmitted: true,
            indicatorCodes: [params.indicatorCode],
            zones: { active: true },
          })}) v
          where value is not null
          group by quarter`
    : sql`select quarter, zones, min, p25, median, p75, max
          from peer_statistics
          where mode = ${mode} and indicator_code = ${params.indicatorCode}
            and quarter between ${span.from} and ${span.to}`;
  const result = await db.execute(sql`
    with spread as (${spread}),
    axis as (${quarterAxis(span)})
    select axis.quarter, coalesce(s.zones, 0) as zones, s.min::text as min, s.p25, s.median, s.p75,
           s.max::text as max
    from axis
    left join spread s on s.quarter = axis.quarter
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
