import { type SQL, sql } from "drizzle-orm";

import type { Database } from "../client";
import { rowsOf } from "../rows";
import { type CursorOptions, cursorRows } from "./cursor";
import { type ExportableStatus, exportFromWhere, type ObservationExportScope, scopeQuarters } from "./scope";

/** A zone as exports label it, from the catalogue tables. */
export interface ExportZone {
  code: string;
  nameZh: string;
  nameEn: string;
  shortNameZh: string;
  shortNameEn: string;
}

/** An indicator as exports label it, from the catalogue tables. */
export interface ExportIndicator {
  code: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
}

/**
 * One observation of the long layout: zone × indicator × quarter. `zone` and `indicator` are shared objects
 * (one per code), so that a million rows do not carry a million copies of the names.
 */
export interface ObservationExportRow {
  zone: ExportZone;
  indicator: ExportIndicator;
  quarter: string;
  /** Exact, as stored (`numeric::text`), e.g. "1929.50" or "-3.5". */
  value: string;
  status: ExportableStatus;
  /** How many times the quarter's submission was reopened after approval. */
  revision: number;
  revisionKind: "preliminary" | "final";
  note: string | null;
}

/** One zone × indicator of the wide layout: `values[k]` is the exact value of the k-th quarter of the range. */
export interface ObservationPivotRow {
  zone: ExportZone;
  indicator: ExportIndicator;
  values: (string | null)[];
}

interface LongRecord {
  zone_code: string;
  indicator_code: string;
  quarter: string;
  value: string;
  status: ExportableStatus;
  revision: number;
  revision_kind: "preliminary" | "final";
  note: string | null;
}

type PivotRecord = { zone_code: string; indicator_code: string } & Record<`q_${number}`, string | null>;

export interface ExportLabels {
  zones: Map<string, ExportZone>;
  indicators: Map<string, ExportIndicator>;
}

/** Names and units of the scope's zones and indicators (read once per export, before the cursor opens). */
export async function exportLabels(db: Database, scope: ObservationExportScope): Promise<ExportLabels> {
  const zoneRows = rowsOf<ExportZone>(
    await db.execute(sql`
      select code, name_zh as "nameZh", name_en as "nameEn",
             short_name_zh as "shortNameZh", short_name_en as "shortNameEn"
      from zones where code in ${[...scope.zoneCodes]}`),
  );
  const indicatorRows = rowsOf<ExportIndicator>(
    await db.execute(sql`
      select code, name_zh as "nameZh", name_en as "nameEn", unit_zh as "unitZh", unit_en as "unitEn"
      from indicators where code in ${[...scope.indicatorCodes]}`),
  );
  return {
    zones: new Map(zoneRows.map((zone) => [zone.code, zone])),
    indicators: new Map(indicatorRows.map((indicator) => [indicator.code, indicator])),
  };
}

function lookup<T>(map: Map<string, T>, code: string, what: string): T {
  const found = map.get(code);
  if (!found) throw new Error(`export: ${what} ${JSON.stringify(code)} is not in the catalogue`);
  return found;
}

/**
 * The long layout's query, in export order: zone, indicator (catalogue order), quarter. Only the
 * observation's own columns travel; names come from `exportLabels`, which keeps the sort and the wire narrow.
 */
export function observationRowsQuery(scope: ObservationExportScope): SQL {
  return sql`
    select o.zone_code, o.indicator_code, o.quarter, o.value::text as value, s.status::text as status,
           s.revision, o.revision_kind::text as revision_kind, o.note
    ${exportFromWhere(scope)}
    order by z.sort_order, o.zone_code, i.sort_order, o.indicator_code, o.quarter`;
}

/**
 * The wide layout's query: one row per zone × indicator with at least one value, a column `q_k` per quarter
 * of the range (at most MAX_PIVOT_QUARTERS), pivoted in SQL.
 */
export function observationPivotQuery(scope: ObservationExportScope): SQL {
  const quarters = scopeQuarters({ ...scope, layout: "wide" });
  const columns = quarters.map(
    (quarter, k) => sql`max(o.value::text) filter (where o.quarter = ${quarter}) as ${sql.raw(`q_${k}`)}`,
  );
  return sql`
    select o.zone_code, o.indicator_code, ${sql.join(columns, sql`, `)}
    ${exportFromWhere({ ...scope, layout: "wide" })}
    group by z.sort_order, o.zone_code, i.sort_order, o.indicator_code
    order by z.sort_order, o.zone_code, i.sort_order, o.indicator_code`;
}

/**
 * The observations of a scope in the long layout, streamed in batches from a server-side cursor (see
 * `cursorRows`): memory stays flat whatever the row count. Ordered by zone, indicator (catalogue order) and
 * quarter. Values are exact text; nothing is converted to floating point.
 */
export async function* streamObservationRows(
  db: Database,
  scope: ObservationExportScope,
  options: CursorOptions = {},
): AsyncGenerator<ObservationExportRow[], void, undefined> {
  const query = observationRowsQuery(scope);
  const labels = await exportLabels(db, scope);
  for await (const batch of cursorRows<LongRecord>(db, query, options)) {
    const rows: ObservationExportRow[] = new Array(batch.length);
    for (let index = 0; index < batch.length; index++) {
      const record = batch[index] as LongRecord;
      rows[index] = {
        zone: lookup(labels.zones, record.zone_code, "zone"),
        indicator: lookup(labels.indicators, record.indicator_code, "indicator"),
        quarter: record.quarter,
        value: record.value,
        status: record.status,
        revision: Number(record.revision),
        revisionKind: record.revision_kind,
        note: record.note,
      };
    }
    yield rows;
  }
}

/** The wide layout of a scope, streamed like `streamObservationRows`; one value per quarter of the range. */
export async function* streamObservationPivotRows(
  db: Database,
  scope: ObservationExportScope,
  options: CursorOptions = {},
): AsyncGenerator<ObservationPivotRow[], void, undefined> {
  const query = observationPivotQuery(scope);
  const width = scopeQuarters(scope).length;
  const labels = await exportLabels(db, scope);
  for await (const batch of cursorRows<PivotRecord>(db, query, options)) {
    yield batch.map((record) => {
      const values: (string | null)[] = new Array(width);
      for (let k = 0; k < width; k++) values[k] = record[`q_${k}`] ?? null;
      return {
        zone: lookup(labels.zones, record.zone_code, "zone"),
        indicator: lookup(labels.indicators, record.indicator_code, "indicator"),
        values,
      };
    });
  }
}

/** How many rows the scope's layout (`scope.layout`, default long) produces: the expected total for progress. */
export async function countObservationRows(db: Database, scope: ObservationExportScope): Promise<number> {
  const query =
    scope.layout === "wide"
      ? sql`select count(*) as n from (select 1 ${exportFromWhere(scope)} group by o.zone_code, o.indicator_code) p`
      : sql`select count(*) as n ${exportFromWhere(scope)}`;
  const [row] = rowsOf<{ n: number | string }>(await db.execute(query));
  return Number(row?.n ?? 0);
}
