import { ALL_PEERS, type PeerGroup } from "@zones/domain";
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
  /** Whose band: every zone (default) or a peer group's zones. */
  peers?: PeerGroup;
}

export interface ZoneSeriesRow {
  indicatorCode: string;
  quarter: string;
  /** The zone's value; null where it has none (or none that may be shown, or none derivable). */
  value: number | null;
  /**
   * Peer band over the group's zones reporting for the quarter with a value (the zone itself included when
   * it is one of them): p25, median, p75.
   */
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
 * The band of every zone's approved data comes from `peer_statistics` (stale quarters recomputed first); a
 * peer group's band, or a band with submitted values, is computed here over the group's values of the range
 * (the group is narrowed in the scan: a region's band reads that region's rows only).
 */
export async function zoneSeries(db: Database, params: ZoneSeriesParams): Promise<ZoneSeriesRow[]> {
  assertListSize("indicatorCodes", params.indicatorCodes, 1, MAX_CATALOGUE_INDICATORS);
  const span = quarterSpan(params.from, params.to);
  const peers = params.peers ?? ALL_PEERS;
  const live = params.includeSubmitted || peers.kind !== "all";
  if (!live) await ensurePeerStatistics(db, span);
  const values = dashboardValues({
    span,
    mode: params.mode,
    includeSubmitted: params.includeSubmitted,
    indicatorCodes: params.indicatorCodes,
    zones: { active: live, codes: [params.zoneCode], peers },
  });
  const band = live
    ? sql`select indicator_code, quarter, ${peerAggregates(sql`value`)}
          from v
          where peer and value is not null
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
