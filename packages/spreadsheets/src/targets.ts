import {
  type Direction,
  defaultComparison,
  MAX_TARGET_ROWS,
  MAX_TARGET_UPLOAD_BYTES,
  neutraliseFormulaUnlessNumeric,
  TARGET_NOTE_MAX_LENGTH,
  TARGET_YEARS,
  type TargetComparison,
  type ZoneTarget,
} from "@zones/domain";
import { stringify } from "csv-stringify/sync";

import {
  type ColumnSheetRow,
  type ColumnUploadError,
  cellError,
  headerOf,
  readColumnUpload,
} from "./column-upload";

/**
 * The plan targets template (规划目标导入模板): one target a row, read by header (Chinese or English), all
 * rows checked and every problem named by row and column, so that an import saves all rows or none.
 */
export const TARGET_COLUMNS = [
  { key: "zone_code", zh: "示范区代码", en: "zone_code", required: true },
  { key: "indicator_code", zh: "指标代码", en: "indicator_code", required: true },
  { key: "target_year", zh: "目标年份", en: "target_year", required: true },
  { key: "target_value", zh: "目标值", en: "target_value", required: true },
  { key: "comparison", zh: "比较方式", en: "comparison", required: false },
  { key: "baseline_year", zh: "基期年份", en: "baseline_year", required: true },
  { key: "note", zh: "备注", en: "note", required: false },
] as const;
export type TargetColumnKey = (typeof TARGET_COLUMNS)[number]["key"];

/** What the comparison cell may say, either language; blank takes the indicator's direction. */
const COMPARISON_WORDS: Record<string, TargetComparison> = {
  "at-least": "at-least",
  "at-most": "at-most",
  不低于: "at-least",
  不高于: "at-most",
  ">=": "at-least",
  "<=": "at-most",
  "≥": "at-least",
  "≤": "at-most",
};

export type TargetUploadError = ColumnUploadError<TargetColumnKey>;

/** A row of the file, its cells by column, not yet checked. */
export type TargetSheetRow = ColumnSheetRow<TargetColumnKey>;

/** An example row per line: what the downloaded template holds under its header. */
export type TargetTemplateRow = Record<TargetColumnKey, string>;

/** The template as CSV (UTF-8 with a BOM, CRLF), with example rows. */
export function buildTargetTemplateCsv(rows: readonly TargetTemplateRow[]): Uint8Array {
  const header = TARGET_COLUMNS.map(headerOf);
  const records = rows.map((row) =>
    TARGET_COLUMNS.map((column) => neutraliseFormulaUnlessNumeric(row[column.key])),
  );
  return csvWithBom([header, ...records]);
}

/** Records as CSV the way every file of Zones is written: UTF-8 with a BOM (Excel on Chinese Windows), CRLF. */
export function csvWithBom(records: readonly (readonly string[])[]): Uint8Array {
  const text = stringify(records as string[][], {
    bom: true,
    record_delimiter: "\r\n",
    quote_record_delimiter: true,
  });
  return new TextEncoder().encode(text);
}

/** Reads a targets file (CSV or XLSX, decided by content) into rows by column, within the limits. */
export function readTargetUpload(
  bytes: Uint8Array,
): Promise<{ rows: TargetSheetRow[]; errors: TargetUploadError[] }> {
  return readColumnUpload(bytes, {
    columns: TARGET_COLUMNS,
    maxBytes: MAX_TARGET_UPLOAD_BYTES,
    maxRows: MAX_TARGET_ROWS,
  });
}

/** What the catalogue tables hold, for checking the codes of a file. */
export interface TargetCatalogue {
  zoneCodes: ReadonlySet<string>;
  /** Each indicator code with its direction (for a blank comparison) and its valid range. */
  indicators: ReadonlyMap<string, { direction: Direction; min: number; max: number }>;
}

const targetCellError = (row: number, key: TargetColumnKey, zh: string, en: string) =>
  cellError(TARGET_COLUMNS, row, key, zh, en);

function yearOf(text: string): number | null {
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= TARGET_YEARS.min && year <= TARGET_YEARS.max ? year : null;
}

/** Checks every row against the catalogue; targets only when no row has a problem. */
export function validateTargetRows(
  rows: readonly TargetSheetRow[],
  catalogue: TargetCatalogue,
): { targets: ZoneTarget[]; errors: TargetUploadError[] } {
  const errors: TargetUploadError[] = [];
  const targets: ZoneTarget[] = [];
  const seen = new Map<string, number>();
  const yearRange = `${TARGET_YEARS.min}–${TARGET_YEARS.max}`;
  for (const { row, cells } of rows) {
    const rowErrors: TargetUploadError[] = [];
    const zoneCode = (cells.zone_code ?? "").toUpperCase();
    const indicatorCode = (cells.indicator_code ?? "").toLowerCase();
    if (!catalogue.zoneCodes.has(zoneCode)) {
      rowErrors.push(targetCellError(row, "zone_code", `没有示范区“${zoneCode}”`, `no zone "${zoneCode}"`));
    }
    const indicator = catalogue.indicators.get(indicatorCode);
    const direction = indicator?.direction;
    if (!indicator) {
      rowErrors.push(
        targetCellError(
          row,
          "indicator_code",
          `没有指标“${indicatorCode}”`,
          `no indicator "${indicatorCode}"`,
        ),
      );
    }
    const targetYear = yearOf(cells.target_year ?? "");
    if (targetYear === null) {
      rowErrors.push(
        targetCellError(row, "target_year", `须为 ${yearRange} 的年份`, `must be a year ${yearRange}`),
      );
    }
    const baselineYear = yearOf(cells.baseline_year ?? "");
    if (baselineYear === null) {
      rowErrors.push(
        targetCellError(row, "baseline_year", `须为 ${yearRange} 的年份`, `must be a year ${yearRange}`),
      );
    } else if (targetYear !== null && baselineYear >= targetYear) {
      rowErrors.push(
        targetCellError(row, "baseline_year", "须早于目标年份", "must be before the target year"),
      );
    }
    const valueText = cells.target_value ?? "";
    const targetValue = Number(valueText);
    if (valueText === "" || !/^-?\d+(\.\d+)?$/.test(valueText) || !Number.isFinite(targetValue)) {
      rowErrors.push(
        targetCellError(row, "target_value", "须为数字，如 2.5", "must be a number such as 2.5"),
      );
    } else if (indicator && (targetValue < indicator.min || targetValue > indicator.max)) {
      const range = `${indicator.min}–${indicator.max}`;
      rowErrors.push(targetCellError(row, "target_value", `须在 ${range} 之间`, `must be within ${range}`));
    }
    const comparisonText = (cells.comparison ?? "").toLowerCase();
    const comparison =
      comparisonText === "" && direction ? defaultComparison(direction) : COMPARISON_WORDS[comparisonText];
    if (comparisonText !== "" && !comparison) {
      rowErrors.push(
        targetCellError(
          row,
          "comparison",
          "须为“不低于”或“不高于”（或留空）",
          'must be "at-least" or "at-most" (or blank)',
        ),
      );
    }
    const note = cells.note ?? "";
    if (note.length > TARGET_NOTE_MAX_LENGTH) {
      rowErrors.push(
        targetCellError(
          row,
          "note",
          `不超过 ${TARGET_NOTE_MAX_LENGTH} 字`,
          `at most ${TARGET_NOTE_MAX_LENGTH} characters`,
        ),
      );
    }
    const key = `${zoneCode}|${indicatorCode}|${targetYear}`;
    const first = seen.get(key);
    if (first !== undefined && targetYear !== null) {
      rowErrors.push(targetCellError(row, "target_year", `与第 ${first} 行重复`, `repeats row ${first}`));
    } else seen.set(key, row);
    errors.push(...rowErrors);
    if (rowErrors.length === 0 && targetYear !== null && baselineYear !== null && comparison) {
      targets.push({
        zoneCode,
        indicatorCode,
        targetYear,
        targetValue,
        comparison,
        baselineYear,
        note: note === "" ? null : note,
      });
    }
  }
  return { targets: errors.length === 0 ? targets : [], errors };
}
