import {
  EXPORTABLE_STATUSES,
  type ExportableStatus,
  formatQuarter,
  quarterIndex,
  quarterRange,
  toQuarter,
} from "@zones/domain";
import { type SQL, sql } from "drizzle-orm";

/** Submission states an export may read (declared by the domain). */
export { EXPORTABLE_STATUSES, type ExportableStatus };

/** Longest quarter range the wide layout (one column per quarter) accepts. */
export const MAX_PIVOT_QUARTERS = 200;

/**
 * What an export reads: validated by `@zones/exports` (`ZExportFiltersSchema`), checked again here so that a
 * caller bypassing it cannot read drafts or build an unbounded pivot. Every list must name something.
 */
export interface ObservationExportScope {
  zoneCodes: readonly string[];
  indicatorCodes: readonly string[];
  /** Inclusive quarter range, `YYYYQn`. */
  from: string;
  to: string;
  statuses: readonly ExportableStatus[];
  /** `long` (default): one row per zone × indicator × quarter; `wide`: one row per zone × indicator. */
  layout?: "long" | "wide";
}

/** Throws RangeError, naming the field, unless the scope selects something readable. */
export function checkExportScope(scope: ObservationExportScope): void {
  if (scope.zoneCodes.length === 0) throw new RangeError("zoneCodes: choose at least one zone");
  if (scope.indicatorCodes.length === 0)
    throw new RangeError("indicatorCodes: choose at least one indicator");
  if (scope.statuses.length === 0) throw new RangeError("statuses: choose at least one status");
  for (const status of scope.statuses) {
    if (!(EXPORTABLE_STATUSES as readonly string[]).includes(status)) {
      throw new RangeError(
        `statuses: ${JSON.stringify(status)} cannot be exported (approved or submitted only)`,
      );
    }
  }
  const start = quarterIndex(scope.from);
  const end = quarterIndex(scope.to);
  if (end < start) throw new RangeError(`to: ${scope.to} is before from (${scope.from})`);
  if (scope.layout === "wide" && end - start + 1 > MAX_PIVOT_QUARTERS) {
    throw new RangeError(
      `to: the wide layout takes at most ${MAX_PIVOT_QUARTERS} quarters, ${scope.from}–${scope.to} spans ${end - start + 1}`,
    );
  }
}

/** The quarters of the scope in order: the wide layout's value columns. */
export function scopeQuarters(scope: ObservationExportScope): string[] {
  return quarterRange(formatQuarter(toQuarter(scope.from)), formatQuarter(toQuarter(scope.to)));
}

/**
 * The scope's conditions on an observation `o` and its submission `s` beyond the zone: its indicators, its
 * quarters (repeated on `s`, so that the (quarter, status) index reads only the range's submissions) and its
 * submission states.
 */
function scopeConditions(scope: ObservationExportScope): SQL {
  return sql`o.indicator_code in ${[...scope.indicatorCodes]}
      and o.quarter between ${scope.from} and ${scope.to}
      and s.quarter between ${scope.from} and ${scope.to}
      and s.status in ${[...scope.statuses]}`;
}

/**
 * `from … where …` shared by every export query: observations of the named zones, indicators and quarters
 * whose submission is in one of the scope's states, joined to the catalogue for names and sort order.
 * Aliases: `o` observations, `s` submissions, `z` zones, `i` indicators.
 */
export function exportFromWhere(scope: ObservationExportScope): SQL {
  checkExportScope(scope);
  return sql`
    from observations o
    join submissions s on s.zone_code = o.zone_code and s.quarter = o.quarter
    join zones z on z.code = o.zone_code
    join indicators i on i.code = o.indicator_code
    where o.zone_code in ${[...scope.zoneCodes]}
      and ${scopeConditions(scope)}`;
}

/**
 * The scope's zones in catalogue order (`sort_order`, then code), as alias `z` with `code` and `sort_order`:
 * the outer side of the per-zone reads (`zoneObservations`). `offset 0` keeps the subquery (and its order)
 * as written, so that the rows of a per-zone nested loop leave already ordered by zone.
 */
export function scopeZones(scope: ObservationExportScope): SQL {
  checkExportScope(scope);
  return sql`(select code, sort_order from zones where code in ${[...scope.zoneCodes]}
      order by sort_order, code offset 0) z`;
}

/**
 * `from … where …` of one zone's observations in the scope, correlated to `z.code` (see `scopeZones`): read
 * through the primary key `(zone_code, indicator_code, quarter)`, joined to the zone's submissions and to the
 * indicators. Aliases: `o` observations, `s` submissions, `i` indicators.
 */
export function zoneObservations(scope: ObservationExportScope): SQL {
  checkExportScope(scope);
  return sql`
      from observations o
      join submissions s on s.zone_code = o.zone_code and s.quarter = o.quarter
      join indicators i on i.code = o.indicator_code
      where o.zone_code = z.code
        and ${scopeConditions(scope)}`;
}

/**
 * `from … where …` for counting the scope's observations: no join to zones or indicators, since the foreign
 * keys (observations → submissions → zones, observations → indicators) guarantee that every row has both.
 */
export function countFromWhere(scope: ObservationExportScope): SQL {
  checkExportScope(scope);
  return sql`
    from observations o
    join submissions s on s.zone_code = o.zone_code and s.quarter = o.quarter
    where o.zone_code in ${[...scope.zoneCodes]}
      and ${scopeConditions(scope)}`;
}
