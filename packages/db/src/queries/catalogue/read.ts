import type { Catalogue, CityType, Indicator, QuarterString, Region, ThemeCode, Zone } from "@zones/domain";
import { and, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";
import { zones } from "../../schema";

/**
 * The catalogue as the database holds it (the source of truth at run time), read in one statement so that the
 * version and the rows come from one snapshot. Only programme zones: the bench's reference units count among
 * peers but are never listed.
 */
export async function readCatalogue(db: Database): Promise<Catalogue> {
  const [row] = rowsOf<{
    version: string | null;
    zones: ZoneRow[] | null;
    indicators: IndicatorRow[] | null;
  }>(
    await db.execute(sql`
      select
        (select value #>> '{}' from settings where key = 'catalogue_version') as version,
        (select json_agg(z order by z.sort_order, z.code) from (
          select zn.*, (select coalesce(json_agg(json_build_object(
              'code', c.code, 'name_zh', c.name_zh, 'name_en', c.name_en) order by c.sort_order, c.code), '[]')
            from member_cities c where c.zone_code = zn.code) as cities
          from zones zn where zn.programme) z) as zones,
        (select json_agg(i order by i.sort_order, i.code) from indicators i) as indicators`),
  );
  return {
    version: Number(row?.version ?? 0),
    zones: (row?.zones ?? []).map(toZone),
    indicators: (row?.indicators ?? []).map(toIndicator),
  };
}

/**
 * Which of `codes` are active reference units (`programme = false`: the bench's synthetic units), which count
 * among peers and may be exported by code but are never listed, so are not in the catalogue.
 */
export async function referenceUnitCodes(db: Database, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({ code: zones.code })
    .from(zones)
    .where(and(inArray(zones.code, [...new Set(codes)]), eq(zones.active, true), eq(zones.programme, false)))
    .orderBy(zones.sortOrder, zones.code);
  return rows.map((row) => row.code);
}

/** The catalogue's version alone: one row read, for a cache's check. */
export async function readCatalogueVersion(db: Database): Promise<number> {
  const [row] = rowsOf<{ version: string | null }>(
    await db.execute(sql`select value #>> '{}' as version from settings where key = 'catalogue_version'`),
  );
  return Number(row?.version ?? 0);
}

/**
 * A process's copy of the catalogue, read again only when its version changed (every edit bumps it, in the
 * editing transaction): a request pays one indexed read of one row. Concurrent readers share one load.
 */
export function createCatalogueCache(): (db: Database) => Promise<Catalogue> {
  let kept: Catalogue | null = null;
  let loading: Promise<Catalogue> | null = null;
  return async (db) => {
    const version = await readCatalogueVersion(db);
    if (kept && kept.version === version) return kept;
    loading ??= readCatalogue(db).finally(() => {
      loading = null;
    });
    const read = await loading;
    // A version read before the load: if it moved meanwhile, the next call reads again.
    if (!kept || read.version >= kept.version) kept = read;
    return read;
  };
}

interface ZoneRow {
  code: string;
  name_zh: string;
  name_en: string;
  short_name_zh: string;
  short_name_en: string;
  province_zh: string;
  province_en: string;
  batch: number;
  designated_year: number;
  named_on: string | null;
  reports_from: string | null;
  retired_from: string | null;
  city_type: CityType | null;
  region: Region | null;
  cities: { code: string; name_zh: string; name_en: string }[];
}

function toZone(row: ZoneRow): Zone {
  return {
    code: row.code,
    name: { zh: row.name_zh, en: row.name_en },
    shortName: { zh: row.short_name_zh, en: row.short_name_en },
    province: { zh: row.province_zh, en: row.province_en },
    batch: row.batch,
    designatedYear: row.designated_year,
    namedOn: row.named_on ?? `${row.designated_year}-01-01`,
    reportsFrom: (row.reports_from ?? "2017Q1") as QuarterString,
    retiredFrom: row.retired_from as QuarterString | null,
    cityType: row.city_type ?? "old-industrial",
    region: row.region ?? "east",
    memberCities: row.cities.map((city) => ({
      code: city.code,
      name: { zh: city.name_zh, en: city.name_en },
    })),
  };
}

interface IndicatorRow {
  code: string;
  theme: ThemeCode;
  name_zh: string;
  name_en: string;
  unit_zh: string;
  unit_en: string;
  direction: Indicator["direction"];
  frequency: Indicator["frequency"];
  cumulative: boolean;
  measure: Indicator["measure"];
  valid_min: string;
  valid_max: string;
  decimals: number;
  headline: boolean;
  definition_zh: string | null;
  definition_en: string | null;
  source_zh: string | null;
  source_en: string | null;
  yoy_threshold: string | null;
  in_force_from: number | null;
  retired_after: number | null;
}

function toIndicator(row: IndicatorRow): Indicator {
  return {
    code: row.code,
    theme: row.theme,
    name: { zh: row.name_zh, en: row.name_en },
    definition: { zh: row.definition_zh ?? "", en: row.definition_en ?? "" },
    unit: { zh: row.unit_zh, en: row.unit_en },
    direction: row.direction,
    frequency: row.frequency,
    cumulative: row.cumulative,
    measure: row.measure,
    validRange: { min: Number(row.valid_min), max: Number(row.valid_max) },
    decimals: row.decimals,
    source: { zh: row.source_zh ?? "", en: row.source_en ?? "" },
    headline: row.headline,
    yoyThreshold: row.yoy_threshold === null ? null : Number(row.yoy_threshold),
    inForceFrom: row.in_force_from,
    retiredAfter: row.retired_after,
  };
}

const cataloguesByDatabase = new WeakMap<Database, (db: Database) => Promise<Catalogue>>();

/** The catalogue of a database through its process-wide cache (one per database handle). */
export function cachedCatalogue(db: Database): Promise<Catalogue> {
  let cached = cataloguesByDatabase.get(db);
  if (!cached) {
    cached = createCatalogueCache();
    cataloguesByDatabase.set(db, cached);
  }
  return cached(db);
}
