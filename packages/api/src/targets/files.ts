import type { Database } from "@zones/db/client";
import { activeZoneCodes, saveTargets, targetIndicatorFacts, targetStatuses } from "@zones/db/targets";
import {
  type Locale,
  localized,
  neutraliseFormula,
  neutraliseFormulaUnlessNumeric,
  TARGET_COMPARISON_LABELS,
  TARGET_STATUS_LABELS,
} from "@zones/domain";
import {
  buildTargetTemplateCsv,
  csvWithBom,
  readTargetUpload,
  type TargetUploadError,
  validateTargetRows,
} from "@zones/spreadsheets";

/** The downloadable targets template: the header and two example rows (R&D intensity, PM2.5). */
export function targetTemplate() {
  const example = { zone_code: "HB-HS", target_year: "2025", comparison: "", baseline_year: "2020" };
  return {
    bytes: buildTargetTemplateCsv([
      { ...example, indicator_code: "rd-intensity", target_value: "2.5", note: "十四五规划" },
      { ...example, indicator_code: "pm25", target_value: "35", comparison: "不高于", note: "" },
    ]),
    fileName: "zones-targets-template.csv",
    contentType: "text/csv; charset=utf-8",
  };
}

export interface TargetImportResult {
  /** Targets saved: all of the file's, or 0 when any row had a problem. */
  saved: number;
  errors: TargetUploadError[];
}

/** Imports a filled-in targets template all or nothing: every row checked against the catalogue tables first. */
export async function importTargets(
  db: Database,
  params: { bytes: Uint8Array; actorId: string },
): Promise<TargetImportResult> {
  const read = await readTargetUpload(params.bytes);
  if (read.errors.length > 0) return { saved: 0, errors: read.errors };
  const zoneCodes = read.rows.map((row) => (row.cells.zone_code ?? "").toUpperCase());
  const indicatorCodes = read.rows.map((row) => (row.cells.indicator_code ?? "").toLowerCase());
  const [zones, indicators] = await Promise.all([
    activeZoneCodes(db, zoneCodes),
    targetIndicatorFacts(db, indicatorCodes),
  ]);
  const { targets, errors } = validateTargetRows(read.rows, { zoneCodes: zones, indicators });
  if (errors.length > 0) return { saved: 0, errors };
  await saveTargets(db, { targets, actorId: params.actorId, source: "import" });
  return { saved: targets.length, errors: [] };
}

const HEADERS = {
  "zh-CN": [
    "示范区代码",
    "示范区",
    "指标代码",
    "指标",
    "单位",
    "目标年份",
    "比较方式",
    "目标值",
    "基期年份",
    "基期值",
    "计入季度",
    "计入值",
    "进展状态",
    "备注",
  ],
  en: [
    "zone_code",
    "zone",
    "indicator_code",
    "indicator",
    "unit",
    "target_year",
    "comparison",
    "target_value",
    "baseline_year",
    "baseline_value",
    "counted_quarter",
    "counted_value",
    "status",
    "note",
  ],
} as const;

/**
 * Every target's progress as of a quarter as CSV (UTF-8 with a BOM, CRLF, like the other exports), from
 * approved values only; text cells neutralised against formulas.
 */
export async function targetProgressCsv(db: Database, params: { quarter: string; locale: Locale }) {
  const rows = await targetStatuses(db, { quarter: params.quarter });
  const text = (value: string | null) => (value ? neutraliseFormula(value) : "");
  const number = (value: number | null | undefined) =>
    value === null || value === undefined ? "" : neutraliseFormulaUnlessNumeric(String(value));
  const records = rows.map((row) => [
    text(row.zoneCode),
    text(localized(row.zoneName, params.locale)),
    text(row.indicatorCode),
    text(localized(row.indicatorName, params.locale)),
    text(localized(row.unit, params.locale)),
    String(row.targetYear),
    text(localized(TARGET_COMPARISON_LABELS[row.comparison], params.locale)),
    number(row.targetValue),
    String(row.baselineYear),
    number(row.baseline),
    row.latest?.quarter ?? "",
    number(row.latest?.value),
    text(localized(TARGET_STATUS_LABELS[row.progress.status], params.locale)),
    text(row.note),
  ]);
  return {
    bytes: csvWithBom([HEADERS[params.locale], ...records]),
    fileName: `zones-targets-${params.quarter}.csv`,
    contentType: "text/csv; charset=utf-8",
  };
}
