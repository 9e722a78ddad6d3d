import type { Database } from "@zones/db/client";
import { activeZoneCodes, saveTargets, targetIndicatorFacts, targetStatuses } from "@zones/db/targets";
import {
  type Catalogue,
  indicatorInForceInYear,
  type Locale,
  localized,
  neutraliseFormula,
  neutraliseFormulaUnlessNumeric,
  quarterOfDate,
  TARGET_COMPARISON_LABELS,
  TARGET_STATUS_LABELS,
  zonesReportingIn,
} from "@zones/domain";
import {
  buildTargetTemplateCsv,
  csvWithBom,
  readTargetUpload,
  type TargetTemplateRow,
  type TargetUploadError,
  validateTargetRows,
} from "@zones/spreadsheets";

/** The plan year the template's examples aim at (十五五, 2026–2030) and the year they start from. */
const EXAMPLE_TARGET_YEAR = 2030;
const EXAMPLE_BASELINE_YEAR = 2025;
/** Example targets, each kept only while the catalogue has its indicator in force in the target year. */
const EXAMPLE_TARGETS = [
  { indicator_code: "rd-intensity", target_value: "3", comparison: "", note: "十五五规划" },
  { indicator_code: "pm25", target_value: "30", comparison: "不高于", note: "" },
] as const;

/**
 * The downloadable targets template: the header and example rows for a zone the catalogue has reporting today,
 * on indicators in force in the target year (an installation that retired the built-in examples gets a row
 * to fill in on its first headline indicator instead; no example row at all without a zone or indicator).
 */
export function targetTemplate(catalogue: Pick<Catalogue, "zones" | "indicators">, today: Date) {
  const zone = zonesReportingIn(catalogue, quarterOfDate(today))[0];
  const inForce = catalogue.indicators.filter((indicator) =>
    indicatorInForceInYear(indicator, EXAMPLE_TARGET_YEAR),
  );
  const base = {
    zone_code: zone?.code ?? "",
    target_year: String(EXAMPLE_TARGET_YEAR),
    baseline_year: String(EXAMPLE_BASELINE_YEAR),
  };
  let rows: TargetTemplateRow[] = EXAMPLE_TARGETS.filter((example) =>
    inForce.some((indicator) => indicator.code === example.indicator_code),
  ).map((example) => ({ ...base, ...example }));
  const fallback = inForce.find((indicator) => indicator.headline) ?? inForce[0];
  if (rows.length === 0 && fallback) {
    rows = [{ ...base, indicator_code: fallback.code, target_value: "", comparison: "", note: "" }];
  }
  return {
    bytes: buildTargetTemplateCsv(zone ? rows : []),
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
