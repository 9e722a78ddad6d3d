import {
  ALL_PEERS,
  MAX_QUARTER_SPAN,
  type PeerGroup,
  quarterIndex,
  type SeriesMode,
  toQuarter,
} from "@zones/domain";
import { type SQL, sql } from "drizzle-orm";

import { reportsIn } from "../overview";
import { peerGroupMember } from "./peer-groups";

/**
 * Shared pieces of the dashboard queries: the bounds every list respects, the quarter axis and the
 * "values" CTE (which observations a dashboard may show, and their single-quarter derivation).
 */

export type { SeriesMode };

/** Longest quarter range a dashboard query accepts. */
export const MAX_DASHBOARD_QUARTERS = MAX_QUARTER_SPAN;
/**
 * Most zones one query names: the whole catalogue, with room to grow (admins add zones; the second batch
 * brings it to 20).
 */
export const MAX_DASHBOARD_ZONES = 60;
/** Most indicators one comparison names. */
export const MAX_DASHBOARD_INDICATORS = 12;
/** Most indicators one page names (a zone page, the heat table): the whole catalogue, with room to grow. */
export const MAX_CATALOGUE_INDICATORS = 60;

/** A checked inclusive quarter range and its positions on the quarter axis (`year * 4 + q - 1`). */
export interface QuarterSpan {
  from: string;
  to: string;
  start: number;
  end: number;
}

/**
 * Checks a range the caller bounded: well-formed quarters, `to` not before `from`, at most
 * MAX_DASHBOARD_QUARTERS quarters. Throws RangeError otherwise (the router corrects reversed ranges first).
 */
export function quarterSpan(from: string, to: string): QuarterSpan {
  const start = quarterIndex(from);
  const end = quarterIndex(to);
  if (end < start) throw new RangeError(`quarter range: ${to} is before ${from}`);
  if (end - start + 1 > MAX_DASHBOARD_QUARTERS) {
    throw new RangeError(
      `quarter range ${from}–${to} spans ${end - start + 1} quarters; at most ${MAX_DASHBOARD_QUARTERS}`,
    );
  }
  return { from, to, start, end };
}

/** Throws RangeError unless `list` has between `min` and `max` entries. */
export function assertListSize(name: string, list: readonly unknown[], min: number, max: number): void {
  if (list.length < min || list.length > max) {
    throw new RangeError(`${name}: expected ${min} to ${max} entries, got ${list.length}`);
  }
}

/** `select quarter` for every quarter of the span, as `YYYYQn` text (the chart's x axis). */
export function quarterAxis(span: QuarterSpan): SQL {
  return sql`
    select (g / 4)::text || 'Q' || (g % 4 + 1)::text as quarter
    from generate_series(${span.start}::int, ${span.end}::int) as g`;
}

export interface ValuesScope {
  span: QuarterSpan;
  mode: SeriesMode;
  /** Also show submitted (not yet approved) values, flagged provisional. Drafts and returned never show. */
  includeSubmitted: boolean;
  /** Only these indicators; all of the catalogue when omitted. */
  indicatorCodes?: readonly string[];
  /**
   * Whose rows to read: `active` = every active zone (what peer statistics are computed over), `codes` =
   * these zones whatever their state. Both may be given; at least one must select something. `peers` narrows
   * the active zones read to a peer group (default: every zone).
   */
  zones: { active: boolean; codes?: readonly string[]; peers?: PeerGroup };
}

/**
 * The body of a `values` CTE: one row per zone × indicator × quarter of the span that a dashboard may show,
 * with columns `zone_code, indicator_code, quarter, active, peer, value numeric, revised, provisional`.
 *
 * - `peer`: the row counts among the peers of its quarter: the zone is active, expected to report for that
 *   quarter (`reports_from` ≤ quarter < `retired_from`) and in the scope's peer group. Every peer band, rank
 *   and percentile is computed over `peer` rows only, so a zone joining mid-series counts from its first
 *   quarter on.
 *
 * - Approved values always; submitted ones too with `includeSubmitted` (`provisional`).
 * - `revised`: the quarter's submission was reopened after approval at least once (`revision > 0`).
 * - mode `single`, for cumulative amounts and counts (`isSingleQuarterDerivable`): Q1 as reported, Qn =
 *   YTD n − YTD n−1 of the same zone, indicator and year, null unless quarter n−1 of that year is visible
 *   too. The scan starts at Q1 of the first year so that a range starting mid-year can be derived; a value
 *   derived from a provisional previous quarter is provisional as well. Other indicators: as reported.
 *
 * Flags are false where the value is null. Numbers stay exact `numeric`; callers convert at the edge.
 * Index use (PostgreSQL 15, demo data): `observations_indicator_quarter_idx` (indicator, quarter, zone) when
 * indicators are named, probed per visible submission; `submissions_quarter_status_idx` for the submissions
 * of the range. All-indicator scopes read a few thousand rows, where a sequential scan is cheaper.
 */
export function dashboardValues(scope: ValuesScope): SQL {
  const { span, mode } = scope;
  const statuses = scope.includeSubmitted ? sql.raw(`('approved', 'submitted')`) : sql.raw(`('approved')`);
  const readFrom = mode === "single" ? `${toQuarter(span.from).year}Q1` : span.from;

  // The range on `s.quarter` too: the planner does not carry a range across the join's equality, and with it
  // `submissions_quarter_status_idx` (quarter, status) reads only the range's submissions.
  const filters: SQL[] = [
    sql`o.quarter between ${readFrom} and ${span.to}`,
    sql`s.quarter between ${readFrom} and ${span.to}`,
  ];
  if (scope.indicatorCodes) {
    filters.push(scope.indicatorCodes.length ? sql`o.indicator_code in ${scope.indicatorCodes}` : sql`false`);
  }
  const named = scope.zones.codes?.length ? sql`o.zone_code in ${scope.zones.codes}` : null;
  const peers = peerGroupMember(scope.zones.peers ?? ALL_PEERS);
  const activePeers = scope.zones.peers ? sql`(z.active and ${peers})` : sql`z.active`;
  if (scope.zones.active && named) filters.push(sql`(${activePeers} or ${named})`);
  else if (scope.zones.active) filters.push(activePeers);
  else filters.push(named ?? sql`false`);

  const derivable = sql`(i.cumulative and i.measure in ('amount', 'count') and right(o.quarter, 1) <> '1')`;
  const value =
    mode === "single"
      ? sql`case when not ${derivable} then o.value
                 when lag(o.quarter) over w = left(o.quarter, 4) || 'Q' || (right(o.quarter, 1)::int - 1)::text
                   then o.value - lag(o.value) over w
            end`
      : sql`o.value`;
  const provisional =
    mode === "single"
      ? sql`(s.status = 'submitted' or (${derivable} and lag(s.status) over w = 'submitted'))`
      : sql`s.status = 'submitted'`;
  const window =
    mode === "single"
      ? sql`window w as (partition by o.zone_code, o.indicator_code, left(o.quarter, 4) order by o.quarter)`
      : sql``;

  return sql`
    select d.zone_code, d.indicator_code, d.quarter, d.active, d.peer, d.value,
           d.value is not null and d.revised as revised,
           d.value is not null and d.provisional as provisional
    from (
      select o.zone_code, o.indicator_code, o.quarter, z.active,
             ${reportsIn(sql`o.quarter`)} and ${peers} as peer,
             ${value} as value,
             s.revision > 0 as revised,
             ${provisional} as provisional
      from observations o
      join submissions s on s.zone_code = o.zone_code and s.quarter = o.quarter and s.status in ${statuses}
      join zones z on z.code = o.zone_code
      join indicators i on i.code = o.indicator_code
      where ${sql.join(filters, sql` and `)}
      ${window}
    ) d
    where d.quarter >= ${span.from}`;
}

/** numeric (text), float8 (number) or null from either driver → JS number or null. */
export function toNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
