import { ALL_PEERS, type PeerGroup } from "@zones/domain";
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
  /** Whose spread: every zone (default) or a peer group's zones. */
  peers?: PeerGroup;
}

export interface DistributionRow {
  quarter: string;
  /** Zones of the group reporting for the quarter with a value. */
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
 * Every zone's approved data is read from `peer_statistics` (stale quarters recomputed first); a peer group's
 * spread, or one with submitted values, is computed here.
 */
export async function indicatorDistribution(
  db: Database,
  params: IndicatorDistributionParams,
): Promise<DistributionRow[]> {
  const span = quarterSpan(params.from, params.to);
  const mode = params.mode ?? "ytd";
  const peers = params.peers ?? ALL_PEERS;
  const live = params.includeSubmitted || peers.kind !== "all";
  if (!live) await ensurePeerStatistics(db, span);
  const spread = live
    ? sql`select quarter, ${peerAggregates(sql`value`)}
          from (${dashboardValues({
            span,
            mode,
            includeSubmitted: params.includeSubmitted,
            indicatorCodes: [params.indicatorCode],
            zones: { active: true, peers },
          })}) v
          where peer and value is not null
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
