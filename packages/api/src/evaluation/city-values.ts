import type { Database } from "@zones/db/client";
import { findRubric } from "@zones/db/evaluation";
import { cityValueFacts, saveMemberCityValues, templateCities } from "@zones/db/member-city-values";
import { type Catalogue, indicatorInForceInYear } from "@zones/domain";
import {
  buildCityValueTemplateCsv,
  type CityValueTemplateRow,
  type CityValueUploadError,
  cityValueCodes,
  readCityValueUpload,
  validateCityValueRows,
} from "@zones/spreadsheets";

/**
 * The indicators a year's template asks of each member city: the rubric's items, in its order; without a rubric
 * yet, the headline indicators in force that year (what a rubric is usually made of).
 */
async function templateIndicators(db: Database, catalogue: Pick<Catalogue, "indicators">, year: number) {
  const rubric = await findRubric(db, year);
  if (!rubric) {
    return catalogue.indicators.filter(
      (indicator) => indicator.headline && indicatorInForceInYear(indicator, year),
    );
  }
  const codes = new Set(
    rubric.rubric.dimensions.flatMap((dimension) => dimension.items.map((item) => item.indicatorCode)),
  );
  return [...codes].flatMap((code) => catalogue.indicators.filter((indicator) => indicator.code === code));
}

/**
 * The member cities' figures template of a year: one row per member city of an active zone of several cities ×
 * each indicator the year asks for, the value left blank to be filled in from the city's statistical bulletin.
 */
export async function cityValuesTemplate(
  db: Database,
  catalogue: Pick<Catalogue, "indicators">,
  year: number,
) {
  const [cities, indicators] = await Promise.all([
    templateCities(db, year),
    templateIndicators(db, catalogue, year),
  ]);
  const rows: CityValueTemplateRow[] = cities.flatMap((city) =>
    indicators.map((indicator) => ({
      year: String(year),
      zone_code: city.zoneCode,
      zone: city.zoneNameZh,
      member_city_code: city.code,
      member_city: city.nameZh,
      indicator_code: indicator.code,
      indicator: indicator.name.zh,
      unit: indicator.unit.zh,
      value: "",
    })),
  );
  return {
    bytes: buildCityValueTemplateCsv(rows),
    fileName: `zones-member-city-values-${year}.csv`,
    contentType: "text/csv; charset=utf-8",
  };
}

export interface CityValueImportResult {
  /** Figures saved: all of the file's filled-in rows, or 0 when any row had a problem. */
  saved: number;
  errors: CityValueUploadError[];
}

/**
 * Imports a filled-in member cities' figures template all or nothing: every row checked against the catalogue
 * and the evaluation's years first; `published` when a year was published meanwhile (nothing saved).
 */
export async function importCityValues(
  db: Database,
  params: { bytes: Uint8Array; actorId: string },
): Promise<CityValueImportResult | { published: number }> {
  const read = await readCityValueUpload(params.bytes);
  if (read.errors.length > 0) return { saved: 0, errors: read.errors };
  const catalogue = await cityValueFacts(db, cityValueCodes(read.rows));
  const { values, errors } = validateCityValueRows(read.rows, catalogue);
  if (errors.length > 0) return { saved: 0, errors };
  const step = await saveMemberCityValues(db, { values, actorId: params.actorId });
  if (!step.ok) return { published: Math.min(...values.map((value) => value.year)) };
  return { saved: step.value.saved, errors: [] };
}
