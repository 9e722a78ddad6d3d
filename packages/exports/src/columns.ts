import type { ExportableStatus, ObservationExportRow, ObservationPivotRow } from "@zones/db/exports";

import type { ExportHeaderLanguage, TExportFilters } from "./filters";

/** Columns of the long layout; `number` columns hold numbers, written bare (CSV) or as numeric cells (XLSX). */
export const LONG_COLUMNS = [
  { key: "zone_code", zh: "示范区代码", en: "Zone code", width: 10, number: false },
  { key: "zone_name", zh: "示范区", en: "Zone", width: 30, number: false },
  { key: "indicator_code", zh: "指标代码", en: "Indicator code", width: 26, number: false },
  { key: "indicator_name", zh: "指标", en: "Indicator", width: 30, number: false },
  { key: "unit", zh: "单位", en: "Unit", width: 14, number: false },
  { key: "quarter", zh: "季度", en: "Quarter", width: 9, number: false },
  { key: "value", zh: "数值", en: "Value", width: 14, number: true },
  { key: "status", zh: "状态", en: "Status", width: 10, number: false },
  { key: "revision", zh: "修订次数", en: "Revisions", width: 9, number: true },
  { key: "revision_kind", zh: "数据性质", en: "Figure", width: 10, number: false },
  { key: "note", zh: "上报说明", en: "Note", width: 50, number: false },
] as const;

/** The wide layout's leading columns; one column per quarter follows. */
export const WIDE_LABEL_COLUMNS = LONG_COLUMNS.slice(0, 5);

const STATUS_LABELS: Record<ExportableStatus, Record<ExportHeaderLanguage, string>> = {
  approved: { zh: "已审核", en: "Approved" },
  submitted: { zh: "待审核", en: "Submitted" },
};

const REVISION_KIND_LABELS: Record<
  ObservationExportRow["revisionKind"],
  Record<ExportHeaderLanguage, string>
> = {
  preliminary: { zh: "初步核算", en: "Preliminary" },
  final: { zh: "最终核实", en: "Final" },
};

export function statusLabel(status: ExportableStatus, language: ExportHeaderLanguage): string {
  return STATUS_LABELS[status]?.[language] ?? status;
}

export function revisionKindLabel(
  kind: ObservationExportRow["revisionKind"],
  language: ExportHeaderLanguage,
): string {
  return REVISION_KIND_LABELS[kind]?.[language] ?? kind;
}

/** Header texts of the filters' layout and language. */
export function headerRow(filters: TExportFilters, quarters: readonly string[]): string[] {
  const language = filters.headerLanguage;
  if (filters.layout === "wide")
    return [...WIDE_LABEL_COLUMNS.map((column) => column[language]), ...quarters];
  return LONG_COLUMNS.map((column) => column[language]);
}

export type ExportRow = ObservationExportRow | ObservationPivotRow;

/** For each column of the filters' layout: does it hold numbers? (Every quarter column of the wide layout.) */
export function numberColumns(filters: TExportFilters, quarterCount: number): boolean[] {
  if (filters.layout === "wide") {
    return [
      ...WIDE_LABEL_COLUMNS.map((column) => column.number),
      ...new Array<boolean>(quarterCount).fill(true),
    ];
  }
  return LONG_COLUMNS.map((column) => column.number);
}

/** How many leading columns label a row (zone and indicator); both layouts start with them. */
export const LABEL_COLUMN_COUNT = WIDE_LABEL_COLUMNS.length;

/** The label cells of a row (zone code and name, indicator code and name, unit) in the header language. */
export function labelCells(row: ExportRow, filters: TExportFilters): string[] {
  const zh = filters.headerLanguage === "zh";
  const { zone, indicator } = row;
  return [
    zone.code,
    zh ? zone.nameZh : zone.nameEn,
    indicator.code,
    zh ? indicator.nameZh : indicator.nameEn,
    zh ? indicator.unitZh : indicator.unitEn,
  ];
}

/**
 * The cells of a row after its label cells (`LABEL_COLUMN_COUNT`), for the filters' layout (null: empty).
 * Throws if the row has the other layout's shape.
 */
export function valueCells(row: ExportRow, filters: TExportFilters): (string | null)[] {
  if (filters.layout === "wide") {
    if (!("values" in row)) throw new TypeError("wide layout: expected pivot rows (one value per quarter)");
    return row.values;
  }
  if (!("quarter" in row)) throw new TypeError("long layout: expected observation rows");
  return [
    row.quarter,
    row.value,
    statusLabel(row.status, filters.headerLanguage),
    String(row.revision),
    revisionKindLabel(row.revisionKind, filters.headerLanguage),
    row.note,
  ];
}

/**
 * The cells of one row as text, in header order, for the filters' layout (null: empty); `numberColumns` says
 * which hold numbers. Throws if the row has the other layout's shape.
 */
export function rowCells(row: ExportRow, filters: TExportFilters): (string | null)[] {
  return [...labelCells(row, filters), ...valueCells(row, filters)];
}
