import type { Catalogue, Indicator, Zone } from "@zones/domain";

/**
 * What templates and imports need of the catalogue: the database's zones and indicators, retired ones included,
 * as plain data (structured-clonable) that the caller reads and passes in; this package never reads the
 * database. Which of them a quarter asks for is decided per quarter (`zoneReportsIn`, `indicatorInForce`), as
 * the entry form decides it.
 */
export type SheetCatalogue = Pick<Catalogue, "zones" | "indicators">;

/** A catalogue's entries by code, built once per file rather than searched for each row. */
export interface CatalogueIndex {
  zone(code: string): Zone | undefined;
  indicator(code: string): Indicator | undefined;
}

export function indexCatalogue(catalogue: SheetCatalogue): CatalogueIndex {
  const zones = new Map(catalogue.zones.map((zone) => [zone.code, zone]));
  const indicators = new Map(catalogue.indicators.map((indicator) => [indicator.code, indicator]));
  return { zone: (code) => zones.get(code), indicator: (code) => indicators.get(code) };
}
