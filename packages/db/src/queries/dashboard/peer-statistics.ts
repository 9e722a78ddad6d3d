import { addQuarters, SERIES_MODES, toQuarter } from "@zones/domain";
import { type SQL, sql } from "drizzle-orm";

import { type Database, primaryOf } from "../../client";
import { rowsOf } from "../../rows";
import { dashboardValues, quarterSpan, type SeriesMode } from "./values";

const MODES: readonly SeriesMode[] = SERIES_MODES;

/** Serialises every recompute of the statistics (see `refreshPeerStatistics`); held until the transaction ends. */
const REFRESH_LOCK = sql`select pg_advisory_xact_lock(hashtext('zones.peer_statistics'))`;

/**
 * The spread of `value` over a group, as both the stored statistics and their live computation write it:
 * how many values, min and max exact (`numeric`), quartiles by `percentile_cont` in float8.
 */
export function peerAggregates(value: SQL): SQL {
  return sql`count(${value})::int as zones,
             min(${value}) as min,
             percentile_cont(0.25) within group (order by ${value}::float8) as p25,
             percentile_cont(0.5) within group (order by ${value}::float8) as median,
             percentile_cont(0.75) within group (order by ${value}::float8) as p75,
             max(${value}) as max`;
}

/**
 * The quarters whose statistics change when a quarter's approved values change: the quarter itself and,
 * for single-quarter values, the next quarter of the same year (Qn+1 is derived as YTD n+1 − YTD n).
 */
export function quartersAffectedBy(quarter: string): string[] {
  const { q } = toQuarter(quarter);
  return q === 4 ? [quarter] : [quarter, addQuarters(toQuarter(quarter), 1)];
}

/**
 * Rewrites `peer_statistics` for the given quarters (both modes), or for every quarter with approved data
 * (`all`), from the active zones' approved values: the same values the dashboards show, through
 * `dashboardValues`; and clears those quarters' stale marks. Used after loading data in bulk, when zones
 * are activated or deactivated, and by `ensurePeerStatistics`.
 *
 * Refreshes are serialised by a transaction-scoped advisory lock: two refreshes at once could each compute
 * without the other transaction's still-uncommitted change, and the one committing last would leave a spread
 * missing a zone. Under the lock, the second refresh starts after the first committed and reads both
 * (READ COMMITTED takes a new snapshot per statement).
 */
export async function refreshPeerStatistics(
  db: Database,
  scope: { quarters: readonly string[] } | "all",
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(REFRESH_LOCK);
    if (scope === "all") {
      await tx.execute(sql`delete from peer_statistics`);
      await tx.execute(sql`delete from peer_percentiles`);
      await tx.execute(sql`delete from peer_statistics_stale`);
      const quarters = rowsOf<{ quarter: string }>(
        await tx.execute(sql`select distinct quarter from submissions where status = 'approved'`),
      ).map((row) => row.quarter);
      await computeQuarters(tx, quarters, { replace: false });
    } else if (scope.quarters.length > 0) {
      await tx.execute(sql`delete from peer_statistics_stale where quarter in ${scope.quarters}`);
      await computeQuarters(tx, [...new Set(scope.quarters)], { replace: true });
    }
  });
}

/**
 * Each active zone's oriented `percent_rank()` (1 = best) among the approved year-to-date values of the
 * zones reporting for the quarter (`peer` rows), per indicator and quarter: the heat table's percentiles (`peer_percentiles`).
 */
function percentileRows(values: SQL, quarters: readonly string[]): SQL {
  return sql`
    with v as (${values})
    select v.quarter, v.indicator_code, v.zone_code,
           (percent_rank() over (
              partition by v.indicator_code, v.quarter
              order by case when i.direction = 'lower' then -v.value else v.value end))::float8
    from v
    join indicators i on i.code = v.indicator_code
    where v.peer and v.value is not null and v.quarter in ${quarters}`;
}

/**
 * Computes the statistics of `quarters` (both modes) and the year-to-date percentiles, replacing their rows
 * when `replace`.
 */
async function computeQuarters(db: Database, quarters: string[], options: { replace: boolean }) {
  // One statement per year and mode: a span never crosses a year, so single-quarter derivation reads
  // that year only, and no span exceeds the dashboards' 40-quarter bound.
  const byYear = new Map<number, string[]>();
  for (const quarter of quarters.sort()) {
    const { year } = toQuarter(quarter);
    byYear.set(year, [...(byYear.get(year) ?? []), quarter]);
  }
  for (const yearQuarters of byYear.values()) {
    const span = quarterSpan(yearQuarters[0] as string, yearQuarters.at(-1) as string);
    for (const mode of MODES) {
      if (options.replace) {
        await db.execute(
          sql`delete from peer_statistics where mode = ${mode} and quarter in ${yearQuarters}`,
        );
      }
      const values = dashboardValues({ span, mode, includeSubmitted: false, zones: { active: true } });
      await db.execute(sql`
        insert into peer_statistics (mode, indicator_code, quarter, zones, min, p25, median, p75, max)
        with v as (${values})
        select ${mode}, indicator_code, quarter, ${peerAggregates(sql`value`)}
        from v
        where peer and value is not null and quarter in ${yearQuarters}
        group by indicator_code, quarter`);
      if (mode === "ytd") {
        if (options.replace) {
          await db.execute(sql`delete from peer_percentiles where quarter in ${yearQuarters}`);
        }
        await db.execute(sql`
          insert into peer_percentiles (quarter, indicator_code, zone_code, percentile)
          ${percentileRows(values, yearQuarters)}`);
      }
    }
  }
}

/**
 * Marks quarters' statistics stale: called in the transaction that approves or reopens a submission, with
 * `quartersAffectedBy(quarter)`. Costs one insert; the next read of those quarters recomputes them.
 */
export async function markPeerStatisticsStale(db: Database, quarters: readonly string[]): Promise<void> {
  if (quarters.length === 0) return;
  await db.execute(sql`
    insert into peer_statistics_stale (quarter)
    values ${sql.join(
      quarters.map((quarter) => sql`(${quarter})`),
      sql`, `,
    )}
    on conflict (quarter) do nothing`);
}

/**
 * Recomputes the stale quarters of a range before a dashboard reads its statistics; one index probe when
 * nothing is stale. Concurrent readers wait on the refresh's lock and find nothing left to do: the stale
 * marks are removed in the refresh's own transaction, so a failed refresh leaves them for the next reader.
 *
 * `db` may be a read replica's: the marks are looked for where the dashboard reads (a mark is written in the
 * transaction that changed the values, so a replica sees both or neither), and recomputed on the primary.
 * The replica then serves the old statistics until it has replayed the recompute (within its lag).
 */
export async function ensurePeerStatistics(db: Database, range: { from: string; to: string }): Promise<void> {
  const stale = rowsOf<{ quarter: string }>(
    await db.execute(sql`
      select quarter from peer_statistics_stale where quarter between ${range.from} and ${range.to}`),
  ).map((row) => row.quarter);
  if (stale.length === 0) return;
  await primaryOf(db).transaction(async (tx) => {
    await tx.execute(REFRESH_LOCK);
    const claimed = rowsOf<{ quarter: string }>(
      await tx.execute(sql`delete from peer_statistics_stale where quarter in ${stale} returning quarter`),
    ).map((row) => row.quarter);
    if (claimed.length > 0) await computeQuarters(tx, claimed, { replace: true });
  });
}

/**
 * True when approved data exists but `peer_statistics` is empty: a database migrated to the version that
 * added the table, or filled by a tool that wrote around the workflow. `migrateDatabase` then fills it.
 */
export async function peerStatisticsMissing(db: Database): Promise<boolean> {
  const [row] = rowsOf<{ missing: boolean }>(
    await db.execute(sql`
      select exists (select 1 from submissions where status = 'approved')
         and not exists (select 1 from peer_statistics) as missing`),
  );
  return Boolean(row?.missing);
}
