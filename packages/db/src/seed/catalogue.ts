import { INDICATORS, ZONES } from "@zones/domain";
import { type SQL, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";

import type { Database } from "../client";
import { indicators, memberCities, zones } from "../schema";

/** `set` clause of an upsert: every column of the row but the key takes the incoming (`excluded`) value. */
function excluded(row: object, key: string): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const property of Object.keys(row)) {
    if (property !== key) set[property] = sql.raw(`excluded.${toSnakeCase(property)}`);
  }
  return set;
}

/** Mirrors the catalogue of `@zones/domain` into the database (the domain stays the source of truth). */
export async function syncCatalogue(db: Database): Promise<void> {
  const zoneRows = ZONES.map((zone, index) => ({
    code: zone.code,
    nameZh: zone.name.zh,
    nameEn: zone.name.en,
    shortNameZh: zone.shortName.zh,
    shortNameEn: zone.shortName.en,
    provinceZh: zone.province.zh,
    provinceEn: zone.province.en,
    batch: zone.batch,
    designatedYear: zone.designatedYear,
    sortOrder: index,
  }));
  const cityRows = ZONES.flatMap((zone) =>
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
  }));

  await db.transaction(async (tx) => {
    for (const [table, rows] of [
      [zones, zoneRows],
      [memberCities, cityRows],
      [indicators, indicatorRows],
    ] as const) {
      const [first] = rows;
      if (first)
        await tx
          .insert(table)
          .values(rows)
          .onConflictDoUpdate({ target: table.code, set: excluded(first, "code") });
    }
  });
}
