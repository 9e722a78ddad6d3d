import {
  CITY_VALUE_YEARS,
  fullYearQuarter,
  indicatorInForceInYear,
  MAX_CITY_VALUE_ROWS,
  MAX_CITY_VALUE_UPLOAD_BYTES,
  neutraliseFormulaUnlessNumeric,
  type QuarterString,
  zoneReportsIn,
} from "@zones/domain";

import {
  type ColumnSheetRow,
  type ColumnUploadError,
  cellError,
  fileError,
  headerOf,
  readColumnUpload,
} from "./column-upload";
import { csvWithBom } from "./targets";

/**
 * The member cities' figures template (成员城市数据导入模板): one figure a row (a year, a member city, an
 * indicator, its value from the city's statistical bulletin), read by header; every row checked and every problem
 * named by row and column, so that an import saves all rows or none. A row whose value is left blank is skipped:
 * the template lists every city and indicator, and a bulletin may lack some.
 */
export const CITY_VALUE_COLUMNS = [
  { key: "year", zh: "年份", en: "year", required: true },
  { key: "zone_code", zh: "示范区代码", en: "zone_code", required: false },
  { key: "zone", zh: "示范区", en: "zone", required: false },
  { key: "member_city_code", zh: "成员城市代码", en: "member_city_code", required: true },
  { key: "member_city", zh: "成员城市", en: "member_city", required: false },
  { key: "indicator_code", zh: "指标代码", en: "indicator_code", required: true },
  { key: "indicator", zh: "指标", en: "indicator", required: false },
  { key: "unit", zh: "单位", en: "unit", required: false },
  { key: "value", zh: "数值", en: "value", required: true },
] as const;
export type CityValueColumnKey = (typeof CITY_VALUE_COLUMNS)[number]["key"];
export type CityValueUploadError = ColumnUploadError<CityValueColumnKey>;
export type CityValueSheetRow = ColumnSheetRow<CityValueColumnKey>;
/** A template row: every column's text (the value left blank to be filled in). */
export type CityValueTemplateRow = Record<CityValueColumnKey, string>;

/** The template as CSV (UTF-8 with a BOM, CRLF), with its rows. */
export function buildCityValueTemplateCsv(rows: readonly CityValueTemplateRow[]): Uint8Array {
  const records = rows.map((row) =>
    CITY_VALUE_COLUMNS.map((column) => neutraliseFormulaUnlessNumeric(row[column.key])),
  );
  return csvWithBom([CITY_VALUE_COLUMNS.map(headerOf), ...records]);
}

/** Reads a member cities' figures file (CSV or XLSX, decided by content) into rows by column, within the limits. */
export function readCityValueUpload(
  bytes: Uint8Array,
): Promise<{ rows: CityValueSheetRow[]; errors: CityValueUploadError[] }> {
  return readColumnUpload(bytes, {
    columns: CITY_VALUE_COLUMNS,
    maxBytes: MAX_CITY_VALUE_UPLOAD_BYTES,
    maxRows: MAX_CITY_VALUE_ROWS,
  });
}

/** What the catalogue and the evaluation hold, for checking the rows of a file. */
export interface CityValueCatalogue {
  cities: ReadonlyMap<
    string,
    {
      zoneCode: string;
      citiesOfZone: number;
      zoneActive: boolean;
      reportsFrom: QuarterString | null;
      retiredFrom: QuarterString | null;
    }
  >;
  indicators: ReadonlyMap<
    string,
    { min: number; max: number; inForceFrom: number | null; retiredAfter: number | null }
  >;
  /** Years whose evaluation is published: nothing of them changes any more. */
  publishedYears: ReadonlySet<number>;
}

export interface CheckedCityValue {
  year: number;
  memberCityCode: string;
  indicatorCode: string;
  value: number;
}

const error = (row: number, key: CityValueColumnKey, zh: string, en: string) =>
  cellError(CITY_VALUE_COLUMNS, row, key, zh, en);

/** The codes a file's rows name (their years, cities, indicators), to read what they are checked against. */
export function cityValueCodes(rows: readonly CityValueSheetRow[]) {
  const filled = rows.filter((row) => (row.cells.value ?? "") !== "");
  return {
    years: filled.map((row) => Number(row.cells.year)).filter(Number.isInteger),
    cityCodes: filled.map((row) => (row.cells.member_city_code ?? "").toUpperCase()),
    indicatorCodes: filled.map((row) => (row.cells.indicator_code ?? "").toLowerCase()),
  };
}

/** Checks every filled-in row; the figures only when no row has a problem. */
export function validateCityValueRows(
  rows: readonly CityValueSheetRow[],
  catalogue: CityValueCatalogue,
): { values: CheckedCityValue[]; errors: CityValueUploadError[] } {
  const errors: CityValueUploadError[] = [];
  const values: CheckedCityValue[] = [];
  const seen = new Map<string, number>();
  const years = `${CITY_VALUE_YEARS.min}–${CITY_VALUE_YEARS.max}`;
  for (const { row, cells } of rows) {
    const valueText = cells.value ?? "";
    if (valueText === "") continue;
    const rowErrors: CityValueUploadError[] = [];
    const yearText = cells.year ?? "";
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    if (year === null || year < CITY_VALUE_YEARS.min || year > CITY_VALUE_YEARS.max) {
      rowErrors.push(
        error(
          row,
          "year",
          `须为 ${years} 的评估年份（成员城市自 ${CITY_VALUE_YEARS.min} 年起评级）`,
          `must be an evaluation year ${years} (member cities are rated from ${CITY_VALUE_YEARS.min})`,
        ),
      );
    } else if (catalogue.publishedYears.has(year)) {
      rowErrors.push(
        error(
          row,
          "year",
          `${year} 年的评估已发布，不能再导入数据`,
          `the evaluation of ${year} is published; no figures can be imported`,
        ),
      );
    }
    const cityCode = (cells.member_city_code ?? "").toUpperCase();
    const city = catalogue.cities.get(cityCode);
    if (!city) {
      rowErrors.push(
        error(row, "member_city_code", `没有成员城市“${cityCode}”`, `no member city "${cityCode}"`),
      );
    } else if (
      !city.zoneActive ||
      (year !== null &&
        !zoneReportsIn(
          { reportsFrom: city.reportsFrom ?? "0000Q1", retiredFrom: city.retiredFrom },
          fullYearQuarter(year) as QuarterString,
        ))
    ) {
      rowErrors.push(
        error(
          row,
          "member_city_code",
          `所属示范区 ${city.zoneCode} 已退出（该年不参加评估）`,
          `its zone ${city.zoneCode} is retired (not evaluated that year)`,
        ),
      );
    } else if (city.citiesOfZone === 1) {
      rowErrors.push(
        error(
          row,
          "member_city_code",
          `是单城市示范区 ${city.zoneCode} 的唯一城市，其数据即示范区已审核的数据，无需导入`,
          `is the only city of zone ${city.zoneCode}, whose approved figures are the city's; nothing to import`,
        ),
      );
    }
    const indicatorCode = (cells.indicator_code ?? "").toLowerCase();
    const indicator = catalogue.indicators.get(indicatorCode);
    if (!indicator) {
      rowErrors.push(
        error(row, "indicator_code", `没有指标“${indicatorCode}”`, `no indicator "${indicatorCode}"`),
      );
    } else if (year !== null && !indicatorInForceInYear(indicator, year)) {
      rowErrors.push(
        error(
          row,
          "indicator_code",
          `该指标 ${year} 年不在统计范围内`,
          `the indicator is not in force in ${year}`,
        ),
      );
    }
    const value = Number(valueText);
    if (!/^-?\d+(\.\d+)?$/.test(valueText) || !Number.isFinite(value)) {
      rowErrors.push(error(row, "value", "须为数字，如 2.5", "must be a number such as 2.5"));
    } else if (indicator && (value < indicator.min || value > indicator.max)) {
      const range = `${indicator.min}–${indicator.max}`;
      rowErrors.push(error(row, "value", `须在 ${range} 之间`, `must be within ${range}`));
    }
    const key = `${year}|${cityCode}|${indicatorCode}`;
    const first = seen.get(key);
    if (first !== undefined) {
      rowErrors.push(error(row, "indicator_code", `与第 ${first} 行重复`, `repeats row ${first}`));
    } else seen.set(key, row);
    errors.push(...rowErrors);
    if (rowErrors.length === 0 && year !== null) {
      values.push({ year, memberCityCode: cityCode, indicatorCode, value });
    }
  }
  if (errors.length === 0 && values.length === 0) {
    errors.push(
      fileError(
        "没有填写任何数值：请在“数值”列填入数据。",
        'No value is filled in: enter figures in the "value" column.',
      ),
    );
  }
  return { values: errors.length === 0 ? values : [], errors };
}
