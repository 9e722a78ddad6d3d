import { sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";
import { ensurePeerStatistics, peerAggregates } from "./peer-statistics";
import {
  assertListSize,
  dashboardValues,
  MAX_CATALOGUE_INDICATORS,
  quarterAxis,
  quarterSpan,
  type SeriesMode,
  toNumber,
} from "./values";

export interface ZoneSeriesParams {
  zoneCode: string;
  from: string;
  to: string;
  mode: SeriesMode;
  includeSubmitted: boolean;
  /** The indicators of the page (the catalogue's); the grid and the bands cover these only. */
  indicatorCodes: readonly string[];
}

export interface ZoneSeriesRow {
  indicatorCode: string;
  quarter: string;
  /** The zone's value; null where it has none (or none that may be shown, or none derivable). */
  value: number | null;
  /** Peer band over every active zone with a value (the zone itself included): p25, median, p75. */
  low: number | null;
  median: number | null;
  high: number | null;
  revised: boolean;
  provisional: boolean;
}

/**
 * One zone's page: every named indicator × every quarter of the range (a dense grid, catalogue order then
 * quarter), the zone's value beside the band of the active zones, in one statement. Values and band are
 * computed on the same (possibly single-quarter) values. An inactive zone's own values are shown; it never
 * counts in the band.
 *
 * The band of approved data comes from `peer_statistics` (stale quarters recomputed first); with submitted
 * values included it is computed here, over every active zone's values of the range.
 */
export async function zoneSeries(db: Database, params: ZoneSeriesParams): Promise<ZoneSeriesRow[]> {
  assertListSize("indicatorCodes", params.indicatorCodes, 1, MAX_CATALOGUE_INDICATORS);
  const span = quarterSpan(params.from, params.to);
  const live = params.includeSubmitted;
  if (!live) await ensurePeerStatistics(db, span);
  const values = dashboardValues({
    span,
    mode: params.mode,
    includeSubmitted: params.includeSubmitted,
    indicatorCodes: params.indicatorCodes,
    zones: { active: live, codes: [params.zoneCode] },
  });
  const band = live
    ? sql`select indicator_code, quarter, ${peerAggregates(sql`value`)}
          from v
          where active and value is not null
          group by indicator_code, quarter`
    : sql`select indicator_code, quarter, p25, median, p75
          from peer_statistics
          where mode = ${params.mode} and quarter between ${span.from} and ${span.to}
            and indicator_code in ${params.indicatorCodes}`;
  const result = await db.execute(sql`
    with v as (${values}),
    axis as (${quarterAxis(span)}),
    band as (${band})
    select i.code as "indicatorCode", axis.quarter,
           own.value::text as value, b.p25 as low, b.median, b.p75 as high,
           coalesce(own.revised, false) as revised, coalesce(own.provisional, false) as provisional
    from indicators i
    cross join axis
    left join v own
      on own.zone_code = ${params.zoneCode} and own.indicator_code = i.code and own.quarter = axis.quarter
    left join band b on b.indicator_code = i.code and b.quarter = axis.quarter
    where i.code in ${params.indicatorCodes}
    order by i.sort_order, axis.quarter`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    indicatorCode: String(row.indicatorCode),
    quarter: String(row.quarter),
    value: toNumber(row.value),
    low: toNumber(row.low),
    median: toNumber(row.median),
    high: toNumber(row.high),
    revised: Boolean(row.revised),
    provisional: Boolean(row.provisional),
  }));
}
