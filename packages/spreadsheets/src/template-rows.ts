import type { QuarterString } from "@zones/domain";
import { formatQuarter, indicatorsInForceIn, zoneReportsIn } from "@zones/domain";
import type { HeaderLanguage, TemplateColumnKey } from "./columns";
import type { CatalogueIndex, SheetCatalogue } from "./sheet-catalogue";
import { indexCatalogue } from "./sheet-catalogue";

/** One line of a template: a zone's value of an indicator for a quarter, empty or pre-filled. */
export interface TemplateRow {
  zoneCode: string;
  quarter: QuarterString;
  indicatorCode: string;
  /** Pre-filled value as decimal text, e.g. a figure entered before; empty or absent when not entered. */
  value?: string;
  note?: string;
}

export interface TemplateOptions {
  rows: TemplateRow[];
  /** Language of the headers, names, units and instructions. The Chinese UI uses "zh". */
  headerLanguage: HeaderLanguage;
  /** Where the rows' names, units and valid ranges come from: the database's catalogue. */
  catalogue: SheetCatalogue;
}

/**
 * The catalogue as it stood for each quarter: for each zone × quarter in which the zone is expected to report,
 * every indicator in force that quarter (annual ones with Q4 only), zones then quarters in the given order,
 * indicators in catalogue order. Throws on a zone the catalogue lacks: the caller chooses the zones, not the
 * person filling in the template.
 */
export function templateRowsFor(
  catalogue: SheetCatalogue,
  zoneCodes: readonly string[],
  quarters: readonly QuarterString[],
): TemplateRow[] {
  const index = indexCatalogue(catalogue);
  const rows: TemplateRow[] = [];
  for (const zoneCode of zoneCodes) {
    const zone = index.zone(zoneCode);
    if (!zone) throw new RangeError(`no zone ${JSON.stringify(zoneCode)} in the catalogue`);
    for (const quarter of quarters) {
      const canonical = formatQuarter(quarter);
      if (!zoneReportsIn(zone, canonical)) continue;
      for (const indicator of indicatorsInForceIn(catalogue, canonical)) {
        rows.push({ zoneCode, quarter: canonical, indicatorCode: indicator.code });
      }
    }
  }
  return rows;
}

/** The zone and indicator of a row; a code the catalogue lacks is the caller's mistake. */
export function rowEntries(row: TemplateRow, index: CatalogueIndex) {
  const zone = index.zone(row.zoneCode);
  const indicator = index.indicator(row.indicatorCode);
  if (!zone) throw new RangeError(`no zone ${JSON.stringify(row.zoneCode)} in the catalogue`);
  if (!indicator) throw new RangeError(`no indicator ${JSON.stringify(row.indicatorCode)} in the catalogue`);
  return { zone, indicator };
}

/** The cells of one template row in the chosen language, before any format-specific escaping. */
export function templateCells(
  row: TemplateRow,
  language: HeaderLanguage,
  index: CatalogueIndex,
): Record<TemplateColumnKey, string> {
  const { zone, indicator } = rowEntries(row, index);
  return {
    zone_code: zone.code,
    zone_name: zone.name[language],
    quarter: formatQuarter(row.quarter),
    indicator_code: indicator.code,
    indicator_name: indicator.name[language],
    unit: indicator.unit[language],
    value: row.value?.trim() ?? "",
    note: row.note ?? "",
  };
}
