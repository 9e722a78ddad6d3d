import { BUILT_IN_ZONES, INDICATORS } from "@zones/domain";
import { type SQL, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

import type { Database } from "../client";
import { indicators, memberCities, zones } from "../schema";

/**
 * `set` clause that fills only what is still null: the built-in value never overwrites one in the database.
 * Keys are the schema's property names; `excluded` needs the column's name in SQL (snake case, as the client's casing).
 */
function fillMissing(columns: readonly PgColumn[]): Record<string, SQL> {
  return Object.fromEntries(
    columns.map((column) => [
      column.name,
      sql`coalesce(${column}, excluded.${sql.identifier(toSnakeCase(column.name))})`,
    ]),
  );
}

/**
 * The zones a new installation gets: both batches. An installation seeded by an older release (the first
 * batch only) gets the second batch added, after the zones it has (`sortOrder` continues the built-in order).
 */
const SEEDED_ZONES = BUILT_IN_ZONES;

/**
 * Seeds the catalogue from `@zones/domain`'s built-in one: a new installation gets every zone, member city and
 * indicator; an installation of an older release gets what it lacks (new zones, and the columns an upgrade
 * added, filled where still null). The database is the source of truth: nothing an admin edited is overwritten,
 * and a zone or indicator an admin added or retired stays as it is. Safe to run again.
 */
export async function seedCatalogue(db: Database): Promise<void> {
  const zoneRows = SEEDED_ZONES.map((zone, index) => ({
    code: zone.code,
    nameZh: zone.name.zh,
    nameEn: zone.name.en,
    shortNameZh: zone.shortName.zh,
    shortNameEn: zone.shortName.en,
    provinceZh: zone.province.zh,
    provinceEn: zone.province.en,
    batch: zone.batch,
    designatedYear: zone.designatedYear,
    namedOn: zone.namedOn,
    reportsFrom: zone.reportsFrom,
    retiredFrom: zone.retiredFrom,
    cityType: zone.cityType,
    region: zone.region,
    sortOrder: index,
  }));
  const cityRows = SEEDED_ZONES.flatMap((zone) =>
    zone.memberCities.map((city, index) => ({
      code: city.code,
      zoneCode: zone.code,
      nameZh: city.name.zh,
      nameEn: city.name.en,
      sortOrder: index,
    })),
  );
  const indicatorRows = INDICATORS.map((indicator, index) => ({
    code: indicator.code,
    theme: indicator.theme,
    nameZh: indicator.name.zh,
    nameEn: indicator.name.en,
    unitZh: indicator.unit.zh,
    unitEn: indicator.unit.en,
    direction: indicator.direction,
    frequency: indicator.frequency,
    cumulative: indicator.cumulative,
    measure: indicator.measure,
    validMin: String(indicator.validRange.min),
    validMax: String(indicator.validRange.max),
    decimals: indicator.decimals,
    headline: indicator.headline,
    sortOrder: index,
    definitionZh: indicator.definition.zh,
    definitionEn: indicator.definition.en,
    sourceZh: indicator.source.zh,
    sourceEn: indicator.source.en,
  }));

  await db.transaction(async (tx) => {
    await upsert(tx, zones, zoneRows, [zones.namedOn, zones.reportsFrom, zones.cityType, zones.region]);
    await upsert(tx, memberCities, cityRows, []);
    await upsert(tx, indicators, indicatorRows, [
      indicators.definitionZh,
      indicators.definitionEn,
      indicators.sourceZh,
      indicators.sourceEn,
    ]);
  });
}

async function upsert<Table extends PgTable & { code: PgColumn }>(
  tx: Pick<Database, "insert">,
  table: Table,
  rows: Table["$inferInsert"][],
  fill: readonly PgColumn[],
): Promise<void> {
  if (rows.length === 0) return;
  const insert = tx.insert(table).values(rows);
  await (fill.length === 0
    ? insert.onConflictDoNothing({ target: table.code })
    : insert.onConflictDoUpdate({ target: table.code, set: fillMissing(fill) }));
}
