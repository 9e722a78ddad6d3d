import { isNumericText } from "@zones/domain";
import ExcelJS from "exceljs";
import type { HeaderLanguage, TemplateColumnKey } from "./columns";
import { TEMPLATE_COLUMNS } from "./columns";
import { MAX_UPLOAD_BYTES } from "./limits";
import { indexCatalogue } from "./sheet-catalogue";
import type { TemplateOptions, TemplateRow } from "./template-rows";
import { rowEntries, templateCells } from "./template-rows";

const COLUMN_WIDTHS: Record<TemplateColumnKey, number> = {
  zone_code: 12,
  zone_name: 34,
  quarter: 10,
  indicator_code: 30,
  indicator_name: 30,
  unit: 16,
  value: 14,
  note: 50,
};

const INSTRUCTIONS: Record<
  HeaderLanguage,
  { sheet: string; title: string; columns: Record<TemplateColumnKey, string>; rules: string[] }
> = {
  zh: {
    sheet: "说明",
    title: "季度指标填报模板说明",
    columns: {
      zone_code: "示范区的固定代码，请勿修改。",
      zone_name: "示范区名称，仅供参考，系统不读取。",
      quarter: "报告期，格式如 2026Q3，请勿修改。",
      indicator_code: "指标的固定代码，请勿修改。",
      indicator_name: "指标名称，仅供参考，系统不读取。",
      unit: "数值的计量单位，仅供参考，系统不读取。",
      value:
        "按单位填写数字，不带单位和千分位分隔符；单位为 % 的指标直接填百分数，如 5.2 表示 5.2%。累计指标填年初至报告期末的累计数。留空表示本次不填报。",
      note: "选填：对数值的说明，如统计口径调整。",
    },
    rules: [
      "每行对应一个示范区、一个季度、一个指标；年度指标只在第四季度填报。",
      "请勿修改表头和代码列；不需要填报的行可以留空或删除。",
      `填好后保存为 Excel 工作簿（.xlsx）或“CSV UTF-8（逗号分隔）”文件再上传，文件不超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB。`,
    ],
  },
  en: {
    sheet: "Instructions",
    title: "Quarterly indicator template: instructions",
    columns: {
      zone_code: "Fixed code of the zone. Do not change it.",
      zone_name: "Name of the zone, for reference only: not read.",
      quarter: "Reporting quarter, in the form 2026Q3. Do not change it.",
      indicator_code: "Fixed code of the indicator. Do not change it.",
      indicator_name: "Name of the indicator, for reference only: not read.",
      unit: "Unit of the value, for reference only: not read.",
      value:
        "A number in the unit shown, without the unit or thousands separators; for indicators in %, the percentage itself (5.2 means 5.2 %). Cumulative indicators take the figure from the start of the year. Leave empty when not reporting it now.",
      note: "Optional: a remark on the value, such as a change of statistical definition.",
    },
    rules: [
      "Each row is one zone, one quarter and one indicator; annual indicators are reported with Q4 only.",
      "Do not change the headers or the code columns; rows you do not report may be left empty or deleted.",
      `Save as an Excel workbook (.xlsx) or as "CSV UTF-8 (comma delimited)" and upload it; at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
    ],
  },
};

/** One quarter in every row names the sheet after it; otherwise, or with no rows, "data". */
function dataSheetName(rows: readonly TemplateRow[]): string {
  const quarters = new Set(rows.map((row) => row.quarter));
  const [only] = quarters;
  return quarters.size === 1 && only ? only : "data";
}

/** What Excel says when a typed value breaks the indicator's range or decimals, in the template's language. */
function rangeHint(
  language: HeaderLanguage,
  min: number,
  max: number,
  decimals: number,
  unit: string,
): string {
  if (language === "zh") {
    const places = decimals === 0 ? "整数" : `最多 ${decimals} 位小数的数字`;
    return `请填写 ${min} 到 ${max} 之间的${places}（${unit}）。`;
  }
  const places = decimals === 0 ? "a whole number" : `a number with at most ${decimals} decimals`;
  return `Enter ${places} from ${min} to ${max} (${unit}).`;
}

function addDataSheet(
  workbook: ExcelJS.Workbook,
  { rows, headerLanguage, catalogue }: TemplateOptions,
): void {
  const index = indexCatalogue(catalogue);
  const sheet = workbook.addWorksheet(dataSheetName(rows), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = TEMPLATE_COLUMNS.map((column) => ({
    key: column.key,
    header: column[headerLanguage],
    width: COLUMN_WIDTHS[column.key],
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn("note").alignment = { wrapText: true, vertical: "top" };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: TEMPLATE_COLUMNS.length } };

  for (const row of rows) {
    const cells = templateCells(row, headerLanguage, index);
    // Numbers go in as numbers so that they stay numbers when edited; any other pre-filled text as it is.
    // Strings are stored as text cells, never as formulas, so no escaping is needed here.
    const value = cells.value === "" ? null : isNumericText(cells.value) ? Number(cells.value) : cells.value;
    const added = sheet.addRow({ ...cells, value, note: cells.note === "" ? null : cells.note });
    // The database's range and decimals of the indicator: Excel refuses a value the import would refuse.
    const { validRange, decimals } = rowEntries(row, index).indicator;
    const valueCell = added.getCell("value");
    valueCell.numFmt = "General";
    valueCell.dataValidation = {
      type: decimals === 0 ? "whole" : "decimal",
      operator: "between",
      allowBlank: true,
      formulae: [validRange.min, validRange.max],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: headerLanguage === "zh" ? "数值超出范围" : "Value out of range",
      error: rangeHint(headerLanguage, validRange.min, validRange.max, decimals, cells.unit),
    };
  }
}

function addInstructionsSheet(workbook: ExcelJS.Workbook, language: HeaderLanguage): void {
  const text = INSTRUCTIONS[language];
  const sheet = workbook.addWorksheet(text.sheet);
  sheet.columns = [{ width: 16 }, { width: 90 }];
  sheet.addRow([text.title]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  for (const column of TEMPLATE_COLUMNS) {
    const row = sheet.addRow([column[language], text.columns[column.key]]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  for (const rule of text.rules) sheet.addRow(["", rule]);
  sheet.getColumn(2).alignment = { wrapText: true, vertical: "top" };
}

/**
 * The template as an Excel workbook (also opened by WPS): the data sheet with a bold, frozen header row,
 * names and units filled in for reference, an empty or pre-filled number cell for each value;
 * then a sheet that explains the columns in the chosen language.
 */
export async function buildTemplateXlsx(options: TemplateOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "示范区监测 Zones";
  addDataSheet(workbook, options);
  addInstructionsSheet(workbook, options.headerLanguage);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
