import type { IndicatorEdit, NewIndicator, QuarterString, ZoneEdit } from "@zones/domain";
import { asc, eq, sql } from "drizzle-orm";

import type { Database } from "../../client";
import { rowsOf } from "../../rows";
import { auditLog, indicators, memberCities, zones } from "../../schema";

/** An admin's edits of the catalogue, each in one transaction with its audit row. */
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
