import type { QuarterString } from "@zones/domain";
import { appliesToQuarter, formatQuarter, getIndicator, getZone, INDICATORS } from "@zones/domain";
import type { HeaderLanguage, TemplateColumnKey } from "./columns";

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
}

/**
 * Every indicator that expects a value in the quarter (annual ones with Q4 only), for each zone × quarter,
 * zones then quarters in the given order, indicators in catalogue order. Throws on an unknown zone or quarter:
 * the caller chooses these, not the person filling in the template.
 */
export function templateRowsFor(
  zoneCodes: readonly string[],
  quarters: readonly QuarterString[],
): TemplateRow[] {
  const rows: TemplateRow[] = [];
  for (const zoneCode of zoneCodes) {
    getZone(zoneCode);
    for (const quarter of quarters) {
      const canonical = formatQuarter(quarter);
      for (const indicator of INDICATORS) {
        if (appliesToQuarter(indicator, canonical)) {
          rows.push({ zoneCode, quarter: canonical, indicatorCode: indicator.code });
        }
      }
    }
  }
  return rows;
}

/** The cells of one template row in the chosen language, before any format-specific escaping. */
export function templateCells(row: TemplateRow, language: HeaderLanguage): Record<TemplateColumnKey, string> {
  const zone = getZone(row.zoneCode);
  const indicator = getIndicator(row.indicatorCode);
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
