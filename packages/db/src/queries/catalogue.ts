import type {
  Catalogue,
  CityType,
  Indicator,
  IndicatorEdit,
  NewIndicator,
  QuarterString,
  Region,
  ThemeCode,
  Zone,
  ZoneEdit,
} from "@zones/domain";
import { asc, eq, sql } from "drizzle-orm";

import type { Database } from "../client";
import { rowsOf } from "../rows";
import { auditLog, indicators, memberCities, zones } from "../schema";

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

export interface CatalogueActor {
  actorId: string;
}

function zoneColumns(edit: ZoneEdit) {
  return {
    nameZh: edit.nameZh,
    nameEn: edit.nameEn,
    shortNameZh: edit.shortNameZh,
    shortNameEn: edit.shortNameEn,
    provinceZh: edit.provinceZh,
    provinceEn: edit.provinceEn,
    batch: edit.batch,
    designatedYear: Number(edit.namedOn.slice(0, 4)),
    namedOn: edit.namedOn,
    reportsFrom: edit.reportsFrom,
    cityType: edit.cityType,
    region: edit.region,
  };
}

/** What a zone's edit came to: done, or why not (nothing written then). */
export type ZoneEditOutcome = "done" | "zone-taken" | "city-taken" | "not-found";

/** A member city's code belongs to another zone: the transaction is undone. */
class CityCodeTaken extends Error {}

async function cityCodesChecked(edit: () => Promise<ZoneEditOutcome>): Promise<ZoneEditOutcome> {
  try {
    return await edit();
  } catch (error) {
    if (error instanceof CityCodeTaken) return "city-taken";
    throw error;
  }
}

/** Adds a zone with its member cities. */
export function addZone(db: Database, edit: ZoneEdit, actor: CatalogueActor): Promise<ZoneEditOutcome> {
  return cityCodesChecked(() =>
    db.transaction(async (tx) => {
      const [last] = rowsOf<{ next: number }>(
        await tx.execute(sql`select coalesce(max(sort_order), -1) + 1 as next from zones where programme`),
      );
      const inserted = await tx
        .insert(zones)
        .values({ code: edit.code, ...zoneColumns(edit), sortOrder: last?.next ?? 0 })
        .onConflictDoNothing()
        .returning({ code: zones.code });
      if (inserted.length === 0) return "zone-taken";
      const cities = await tx
        .insert(memberCities)
        .values(edit.memberCities.map((city, index) => ({ ...city, zoneCode: edit.code, sortOrder: index })))
        .onConflictDoNothing()
        .returning({ code: memberCities.code });
      if (cities.length !== edit.memberCities.length) throw new CityCodeTaken();
      await tx.insert(auditLog).values({
        actorId: actor.actorId,
        action: "catalogue.zone.add",
        entityType: "zone",
        entityId: edit.code,
        zoneCode: edit.code,
        details: edit,
      });
      return "done" as const;
    }),
  );
}

/**
 * Updates a zone's metadata and member cities (a city no longer listed is removed; its code is never reused by
 * another zone). The previous row goes into the audit log.
 */
export function updateZone(db: Database, edit: ZoneEdit, actor: CatalogueActor): Promise<ZoneEditOutcome> {
  return cityCodesChecked(() =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(zones).where(eq(zones.code, edit.code)).for("update");
      if (!before?.programme) return "not-found" as const;
      await tx.update(zones).set(zoneColumns(edit)).where(eq(zones.code, edit.code));
      const cities = await tx
        .select()
        .from(memberCities)
        .where(eq(memberCities.zoneCode, edit.code))
        .orderBy(asc(memberCities.sortOrder));
      await tx.delete(memberCities).where(eq(memberCities.zoneCode, edit.code));
      const written = await tx
        .insert(memberCities)
        .values(edit.memberCities.map((city, index) => ({ ...city, zoneCode: edit.code, sortOrder: index })))
        .onConflictDoNothing()
        .returning({ code: memberCities.code });
      if (written.length !== edit.memberCities.length) throw new CityCodeTaken();
      await tx.insert(auditLog).values({
        actorId: actor.actorId,
        action: "catalogue.zone.update",
        entityType: "zone",
        entityId: edit.code,
        zoneCode: edit.code,
        details: { before: { ...before, memberCities: cities }, after: edit },
      });
      return "done" as const;
    }),
  );
}

/** Retires a zone from a quarter on (its history kept; no longer expected to report), or reinstates it (null). */
export async function setZoneRetired(
  db: Database,
  params: { code: string; retiredFrom: QuarterString | null },
  actor: CatalogueActor,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(zones)
      .set({ retiredFrom: params.retiredFrom })
      .where(sql`${zones.code} = ${params.code} and ${zones.programme}`)
      .returning({ code: zones.code });
    if (updated.length === 0) return false;
    await tx.insert(auditLog).values({
      actorId: actor.actorId,
      action: params.retiredFrom ? "catalogue.zone.retire" : "catalogue.zone.reinstate",
      entityType: "zone",
      entityId: params.code,
      zoneCode: params.code,
      details: { retiredFrom: params.retiredFrom },
    });
    return true;
  });
}

function indicatorColumns(edit: IndicatorEdit) {
  return {
    theme: edit.theme,
    nameZh: edit.nameZh,
    nameEn: edit.nameEn,
    unitZh: edit.unitZh,
    unitEn: edit.unitEn,
    definitionZh: edit.definitionZh,
    definitionEn: edit.definitionEn,
    decimals: edit.decimals,
    validMin: String(edit.validMin),
    validMax: String(edit.validMax),
    yoyThreshold: edit.yoyThreshold === null ? null : String(edit.yoyThreshold),
    headline: edit.headline,
  };
}

/** Updates an indicator's metadata (not what it measures). Returns false for an unknown indicator. */
export async function updateIndicator(
  db: Database,
  edit: IndicatorEdit,
  actor: CatalogueActor,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(indicators).where(eq(indicators.code, edit.code)).for("update");
    if (!before) return false;
    await tx.update(indicators).set(indicatorColumns(edit)).where(eq(indicators.code, edit.code));
    await tx.insert(auditLog).values({
      actorId: actor.actorId,
      action: "catalogue.indicator.update",
      entityType: "indicator",
      entityId: edit.code,
      details: { before, after: edit },
    });
    return true;
  });
}

/** Adds an indicator reported from a given year; false when the code is taken. */
export async function addIndicator(
  db: Database,
  edit: NewIndicator,
  actor: CatalogueActor,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [last] = rowsOf<{ next: number }>(
      await tx.execute(sql`select coalesce(max(sort_order), -1) + 1 as next from indicators`),
    );
    const inserted = await tx
      .insert(indicators)
      .values({
        code: edit.code,
        ...indicatorColumns(edit),
        direction: edit.direction,
        frequency: edit.frequency,
        cumulative: edit.cumulative,
        measure: edit.measure,
        sourceZh: edit.sourceZh,
        sourceEn: edit.sourceEn,
        inForceFrom: edit.inForceFrom,
        sortOrder: last?.next ?? 0,
      })
      .onConflictDoNothing()
      .returning({ code: indicators.code });
    if (inserted.length === 0) return false;
    await tx.insert(auditLog).values({
      actorId: actor.actorId,
      action: "catalogue.indicator.add",
      entityType: "indicator",
      entityId: edit.code,
      details: edit,
    });
    return true;
  });
}

/** Retires an indicator after a year (reported up to and including it; history kept), or reinstates it (null). */
export async function setIndicatorRetired(
  db: Database,
  params: { code: string; retiredAfter: number | null },
  actor: CatalogueActor,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(indicators)
      .set({ retiredAfter: params.retiredAfter })
      .where(eq(indicators.code, params.code))
      .returning({ code: indicators.code });
    if (updated.length === 0) return false;
    await tx.insert(auditLog).values({
      actorId: actor.actorId,
      action: params.retiredAfter === null ? "catalogue.indicator.reinstate" : "catalogue.indicator.retire",
      entityType: "indicator",
      entityId: params.code,
      details: { retiredAfter: params.retiredAfter },
    });
    return true;
  });
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
