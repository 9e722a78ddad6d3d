import type { IndicatorCode, QuarterString, ZoneCode } from "@zones/domain";
import {
  appliesToQuarter,
  formatQuarter,
  indicatorInForceInYear,
  parseQuarter,
  restoreFormulaText,
  zoneReportsIn,
} from "@zones/domain";
import type { TemplateColumnKey } from "./columns";
import { mapHeader, REQUIRED_COLUMNS } from "./columns";
import { MAX_UPLOAD_ERRORS, MAX_UPLOAD_ROWS } from "./limits";
import type { SheetRow } from "./sheet";
import type { SheetCatalogue } from "./sheet-catalogue";
import { indexCatalogue } from "./sheet-catalogue";
import type { UploadError } from "./upload-errors";
import { uploadErrors } from "./upload-errors";

/** A data row whose zone, quarter and indicator are known and fit together; the value is not checked here. */
export interface UploadRow {
  /** 1-based line/row number in the file as the user sees it (header = 1). */
  row: number;
  /** Canonical (upper-case) zone code. */
  zoneCode: ZoneCode;
  /** Canonical quarter, e.g. `2026Q3`. */
  quarter: QuarterString;
  /** Canonical (lower-case) indicator code. */
  indicatorCode: IndicatorCode;
  /**
   * Raw text as in the cell, trimmed; "" when empty (the caller decides: usually "not entered").
   * For XLSX numeric cells: the number's shortest decimal text, no exponent (see `numberToDecimalText`).
   */
  value: string;
  note: string;
}

export interface ValidatedRows {
  rows: UploadRow[];
  errors: UploadError[];
}

/** Collects errors up to `MAX_UPLOAD_ERRORS`, in the order found (row order). */
function errorCollector() {
  const errors: UploadError[] = [];
  return {
    errors,
    add(error: UploadError): void {
      if (errors.length < MAX_UPLOAD_ERRORS) errors.push(error);
    },
  };
}

/**
 * Checks the header, then every data row against the catalogue as it stood for the row's quarter (the zone
 * expected to report then, the indicator in force that year), collecting every error rather than stopping at
 * the first. Rows with an error are left out of `rows`; a duplicate is reported on the later row and the first
 * one kept.
 */
export function validateRows(
  sheetRows: readonly SheetRow[],
  strictWidth: boolean,
  catalogue: SheetCatalogue,
): ValidatedRows {
  const index = indexCatalogue(catalogue);
  const [header, ...data] = sheetRows;
  if (!header) return { rows: [], errors: [uploadErrors.emptyFile()] };

  const positions = mapHeader(header.cells);
  const missing = REQUIRED_COLUMNS.filter((column) => !positions.has(column));
  if (missing.length > 0) return { rows: [], errors: missing.map(uploadErrors.missingColumn) };
  if (data.length === 0) return { rows: [], errors: [uploadErrors.noDataRows()] };
  if (data.length > MAX_UPLOAD_ROWS) return { rows: [], errors: [uploadErrors.tooManyRows()] };

  const { errors, add } = errorCollector();
  const rows: UploadRow[] = [];
  const firstRowByKey = new Map<string, number>();

  for (const { row, cells } of data) {
    if (strictWidth && cells.length !== header.cells.length) {
      add(uploadErrors.wrongCellCount(row, cells.length, header.cells.length));
      continue;
    }
    const cell = (column: TemplateColumnKey): string => {
      const position = positions.get(column);
      return position === undefined ? "" : (cells[position]?.trim() ?? "");
    };

    const zoneCode = cell("zone_code").toUpperCase();
    const quarterText = cell("quarter").toUpperCase();
    const indicatorCode = cell("indicator_code").toLowerCase();
    const quarter = parseQuarter(quarterText);

    const zone = index.zone(zoneCode);
    const indicator = index.indicator(indicatorCode);
    if (!zone) add(uploadErrors.unknownZone(row, cell("zone_code")));
    if (!quarter.ok) add(uploadErrors.badQuarter(row, cell("quarter")));
    if (!indicator) add(uploadErrors.unknownIndicator(row, cell("indicator_code")));
    if (!zone || !quarter.ok || !indicator) continue;

    const canonicalQuarter = formatQuarter(quarter.value);
    const zoneReports = zoneReportsIn(zone, quarter.value);
    const inForce = indicatorInForceInYear(indicator, quarter.value.year);
    if (!zoneReports) add(uploadErrors.zoneNotReporting(row, zone, canonicalQuarter));
    if (!inForce) {
      add(uploadErrors.indicatorNotInForce(row, indicator, canonicalQuarter, quarter.value.year));
    }
    if (!zoneReports || !inForce) continue;
    if (!appliesToQuarter(indicator, quarter.value)) {
      add(uploadErrors.indicatorNotInQuarter(row, indicator.name, canonicalQuarter));
      continue;
    }
    const key = `${zoneCode}|${canonicalQuarter}|${indicatorCode}`;
    const firstRow = firstRowByKey.get(key);
    if (firstRow !== undefined) {
      add(uploadErrors.duplicateRow(row, firstRow));
      continue;
    }
    firstRowByKey.set(key, row);
    rows.push({
      row,
      zoneCode,
      quarter: canonicalQuarter,
      indicatorCode,
      value: restoreFormulaText(cell("value")),
      note: restoreFormulaText(cell("note")),
    });
  }
  return { rows, errors };
}
