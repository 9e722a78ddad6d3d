import { type SQL, sql } from "drizzle-orm";

import type { Database } from "../client";
import { rowsOf } from "../rows";
import { type CursorOptions, cursorRows, DEFAULT_BATCH_SIZE } from "./cursor";
import {
  countFromWhere,
  type ExportableStatus,
  type ObservationExportScope,
  scopeQuarters,
  scopeZones,
  zoneObservations,
} from "./scope";

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

/**
 * Keeping V8's young generation young. An export allocates a few hundred bytes per row and drops them a batch
 * later; its memory stays flat only if nearly all of that dies in the young generation. Two things defeated
 * this, measured at 4.56M rows (old generation filling with 60–90 MB of dead rows between full collections,
 * peak RSS +70–100 MB):
 *
 * - A used batch of driver records still pointed at its records. Young collections kept promoting them
 *   (about 3 MB each, with under 10 MB actually reachable): some batch arrays live in the old generation,
 *   and whatever an old object points at survives young collections until the next full one. So a batch
 *   is emptied (`releaseRecords`) as soon as its records have become export rows; then almost nothing is
 *   promoted.
 * - Rows built with an object literal: in some runs a young collection found a whole freshly built batch
 *   alive, V8 then "pretenured" the literal's allocation site, and every later row was allocated in the
 *   old generation (with the driver's strings it points at kept alive). Rows are instances of a class
 *   (`LongRow`, `PivotRow`) instead: V8 pretenures literals by allocation site, not class instances.
 */
function releaseRecords(batch: unknown[]): void {
  batch.length = 0;
}

/** A row of the long layout (see "Keeping V8's young generation young" above for why a class). */
class LongRow implements ObservationExportRow {
  readonly zone: ExportZone;
  readonly indicator: ExportIndicator;
  readonly quarter: string;
  readonly value: string;
  readonly status: ExportableStatus;
  readonly revision: number;
  readonly revisionKind: "preliminary" | "final";
  readonly note: string | null;

  constructor(record: LongRecord, labels: ExportLabels) {
    this.zone = lookup(labels.zones, record.zone_code, "zone");
    this.indicator = lookup(labels.indicators, record.indicator_code, "indicator");
    this.quarter = record.quarter;
    this.value = record.value;
    this.status = record.status;
    this.revision = Number(record.revision);
    this.revisionKind = record.revision_kind;
    this.note = record.note;
  }
}

/** A row of the wide layout: `values[k]` from the record's column `q_k`. */
class PivotRow implements ObservationPivotRow {
  readonly zone: ExportZone;
  readonly indicator: ExportIndicator;
  readonly values: (string | null)[];

  constructor(record: PivotRecord, labels: ExportLabels, width: number) {
    this.zone = lookup(labels.zones, record.zone_code, "zone");
    this.indicator = lookup(labels.indicators, record.indicator_code, "indicator");
    this.values = new Array(width);
    for (let k = 0; k < width; k++) this.values[k] = record[`q_${k}`] ?? null;
  }
}

function lookup<T>(map: Map<string, T>, code: string, what: string): T {
  const found = map.get(code);
  if (!found) throw new Error(`export: ${what} ${JSON.stringify(code)} is not in the catalogue`);
  return found;
}

/**
 * The long layout's query, in export order: zone, indicator (catalogue order), quarter. Only the
 * observation's own columns travel; names come from `exportLabels`, which keeps the wire narrow.
 *
 * Read zone by zone (`scopeZones`, `zoneObservations`): the zones in catalogue order, each zone's rows through
 * the primary key, ordered within the zone (an incremental sort of one zone's rows, in memory). The first rows
 * leave at once, and memory on the server stays that of one zone, where sorting the whole scope before the
 * first row took seconds and spilled hundreds of MB to disk at millions of rows (docs/performance.md).
 */
export function observationRowsQuery(scope: ObservationExportScope): SQL {
  return sql`
    select z.code as zone_code, x.indicator_code, x.quarter, x.value, x.status, x.revision, x.revision_kind,
           x.note
    from ${scopeZones(scope)}
    cross join lateral (
      select o.indicator_code, i.sort_order as indicator_order, o.quarter, o.value::text as value,
             s.status::text as status, s.revision, o.revision_kind::text as revision_kind, o.note
      ${zoneObservations(scope)}
      offset 0
    ) x
    order by z.sort_order, z.code, x.indicator_order, x.indicator_code, x.quarter`;
}

/**
 * The wide layout's query: one row per zone × indicator with at least one value, a column `q_k` per quarter
 * of the range (at most MAX_PIVOT_QUARTERS), pivoted in SQL, zone by zone like `observationRowsQuery`.
 */
export function observationPivotQuery(scope: ObservationExportScope): SQL {
  const wide = { ...scope, layout: "wide" } as const;
  const quarters = scopeQuarters(wide);
  const columns = quarters.map(
    (quarter, k) => sql`max(o.value::text) filter (where o.quarter = ${quarter}) as ${sql.raw(`q_${k}`)}`,
  );
  const outer = quarters.map((_, k) => sql.raw(`x.q_${k}`));
  return sql`
    select z.code as zone_code, x.indicator_code, ${sql.join(outer, sql`, `)}
    from ${scopeZones(wide)}
    cross join lateral (
      select o.indicator_code, i.sort_order as indicator_order, ${sql.join(columns, sql`, `)}
      ${zoneObservations(wide)}
      group by i.sort_order, o.indicator_code
      offset 0
    ) x
    order by z.sort_order, z.code, x.indicator_order, x.indicator_code`;
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
      rows[index] = new LongRow(batch[index] as LongRecord, labels);
    }
    releaseRecords(batch);
    yield rows;
  }
}

/**
 * The wide layout of a scope, streamed like `streamObservationRows`; one value per quarter of the range. The
 * default batch holds fewer rows the more quarters a row has.
 */
export async function* streamObservationPivotRows(
  db: Database,
  scope: ObservationExportScope,
  options: CursorOptions = {},
): AsyncGenerator<ObservationPivotRow[], void, undefined> {
  const query = observationPivotQuery(scope);
  const width = scopeQuarters(scope).length;
  const labels = await exportLabels(db, scope);
  // By default about as many values per batch as the long layout's batches carry (8 columns a row): a wide
  // row holds one value per quarter, and 2000 rows of 40 quarters took +80 MB of peak RSS at 4.56M.
  const batchSize =
    options.batchSize ??
    Math.max(1, Math.min(DEFAULT_BATCH_SIZE, Math.floor((DEFAULT_BATCH_SIZE * 8) / (2 + width))));
  for await (const batch of cursorRows<PivotRecord>(db, query, { batchSize })) {
    const rows: ObservationPivotRow[] = new Array(batch.length);
    for (let index = 0; index < batch.length; index++) {
      rows[index] = new PivotRow(batch[index] as PivotRecord, labels, width);
    }
    releaseRecords(batch);
    yield rows;
  }
}

/** How many rows the scope's layout (`scope.layout`, default long) produces: the expected total for progress. */
export async function countObservationRows(db: Database, scope: ObservationExportScope): Promise<number> {
  const query =
    scope.layout === "wide"
      ? sql`select count(*) as n from (select 1 ${countFromWhere(scope)} group by o.zone_code, o.indicator_code) p`
      : sql`select count(*) as n ${countFromWhere(scope)}`;
  const [row] = rowsOf<{ n: number | string }>(await db.execute(query));
  return Number(row?.n ?? 0);
}
