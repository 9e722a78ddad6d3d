import { type Catalogue, catalogueIndicator, catalogueZone, type Indicator, type Zone } from "@zones/domain";

/** The database's catalogue the bulletin names zones and indicators from (the page reads it; print has no session). */
export type BulletinCatalogue = Pick<Catalogue, "zones" | "indicators">;

/** A zone the figures name: the query read the same catalogue, so it is there. */
export function bulletinZone(catalogue: BulletinCatalogue, code: string): Zone {
  const zone = catalogueZone(catalogue, code);
  if (!zone) throw new RangeError(`zone ${JSON.stringify(code)} is not in the catalogue`);
  return zone;
}

export function bulletinIndicator(catalogue: BulletinCatalogue, code: string): Indicator {
  const indicator = catalogueIndicator(catalogue, code);
  if (!indicator) throw new RangeError(`indicator ${JSON.stringify(code)} is not in the catalogue`);
  return indicator;
}
