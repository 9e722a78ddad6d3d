import {
  compareQuarters,
  type Indicator,
  type LocalizedText,
  type QuarterString,
  type Zone,
} from "@zones/domain";
import type { TemplateColumnKey } from "./columns";
import { findColumn } from "./columns";
import {
  MAX_CELL_LENGTH,
  MAX_INFLATED_BYTES,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_COLUMNS,
  MAX_UPLOAD_ROWS,
} from "./limits";

export type UploadErrorCode =
  | "too-large"
  | "not-a-spreadsheet"
  | "unknown-encoding"
  | "empty-file"
  | "missing-column"
  | "malformed-csv"
  | "unknown-zone"
  | "unknown-indicator"
  | "bad-quarter"
  | "duplicate-row"
  | "indicator-not-in-quarter"
  | "zone-not-reporting"
  | "indicator-not-in-force"
  | "too-many-rows"
  | "too-many-columns"
  | "cell-too-long"
  | "too-complex"
  | "busy";

/**
 * Codes that refuse the file as a whole for its size or the server's load, rather than for what is in
 * it: an API may answer them as a refused request instead of a list of problems to fix.
 */
export const FILE_REFUSAL_CODES: ReadonlySet<UploadErrorCode> = new Set<UploadErrorCode>([
  "too-large",
  "too-many-rows",
  "too-many-columns",
  "cell-too-long",
  "too-complex",
  "busy",
]);

/** A problem with an upload, phrased for the person who filled in the file. */
export interface UploadError {
  /** 1-based row as the user sees it (header = 1); null for a problem with the whole file. */
  row: number | null;
  /** Machine code of the column (`zone_code`, …), or null. */
  column: TemplateColumnKey | null;
  /** Stable code, for tests and for a UI that wants its own wording. */
  code: UploadErrorCode;
  /** Bilingual so that both UIs can show it as it is. */
  message: LocalizedText;
}

const SAVE_AS = {
  zh: "请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）或“CSV UTF-8（逗号分隔）”后重新上传。",
  en: 'Please use "Save as" in Excel or WPS to save it as an Excel workbook (.xlsx) or as "CSV UTF-8 (comma delimited)", then upload it again.',
};

function fileError(code: UploadErrorCode, zh: string, en: string): UploadError {
  return { row: null, column: null, code, message: { zh, en } };
}

function rowError(row: number, code: UploadErrorCode, zh: string, en: string): UploadError {
  return { row, column: null, code, message: { zh, en } };
}

function cellError(
  row: number,
  column: TemplateColumnKey,
  code: UploadErrorCode,
  zh: string,
  en: string,
): UploadError {
  return { row, column, code, message: { zh, en } };
}

/** Characters of a cell that a message quotes: a message never carries a huge cell back to the browser. */
export const QUOTE_LENGTH = 40;

/** The start of a cell's text, to quote in a message. */
export function quote(text: string): string {
  return text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH)}…` : text;
}

/** A 1-based column as Excel names it: 1 → A, 27 → AA. */
function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(0x41 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

const MB = 1024 * 1024;

function columnNames(column: TemplateColumnKey): LocalizedText {
  const { zh, en } = findColumn(column);
  return { zh: `“${zh}”（${en}）`, en: `"${en}" (${zh})` };
}

export const uploadErrors = {
  tooLarge: (size: number) =>
    fileError(
      "too-large",
      `文件太大（${(size / 1024 / 1024).toFixed(1)} MB），上限为 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB。请分成几个文件上传。`,
      `The file is too large (${(size / 1024 / 1024).toFixed(1)} MB); the limit is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Please split it into several files.`,
    ),
  oldExcel: () =>
    fileError(
      "not-a-spreadsheet",
      `这是旧版 Excel（.xls）、WPS（.et）或加密的表格文件，无法读取。${SAVE_AS.zh}如设置了打开密码，请先取消密码。`,
      `This is an old Excel (.xls) or WPS (.et) file, or a password-protected workbook, which cannot be read. ${SAVE_AS.en} Remove any password first.`,
    ),
  notASpreadsheet: () =>
    fileError(
      "not-a-spreadsheet",
      `这不是 CSV 或 Excel 表格文件。${SAVE_AS.zh}`,
      `This is not a CSV file or an Excel workbook. ${SAVE_AS.en}`,
    ),
  utf16: () =>
    fileError(
      "unknown-encoding",
      `文件是 UTF-16（“Unicode 文本”）编码，无法读取。${SAVE_AS.zh}也可以保存为 GB18030 编码的 CSV。`,
      `The file is encoded as UTF-16 ("Unicode text"), which cannot be read. ${SAVE_AS.en} A CSV file in GB18030 also works.`,
    ),
  undecodable: () =>
    fileError(
      "unknown-encoding",
      `无法识别文件的文字编码（支持 UTF-8 和 GB18030/GBK）。${SAVE_AS.zh}`,
      `The text encoding of the file is not recognised (UTF-8 and GB18030/GBK are supported). ${SAVE_AS.en}`,
    ),
  emptyFile: () => fileError("empty-file", "文件是空的。", "The file is empty."),
  noDataRows: () =>
    fileError("empty-file", "文件只有表头，没有数据行。", "The file has a header row but no data rows."),
  missingColumn: (column: TemplateColumnKey) => {
    const names = columnNames(column);
    return fileError(
      "missing-column",
      `缺少${names.zh}列。请使用下载的模板，不要修改第一行的表头。`,
      `The column ${names.en} is missing. Please use the downloaded template and keep its first row of headers.`,
    );
  },
  malformedCsv: (line: number | null) => ({
    ...fileError(
      "malformed-csv",
      `CSV 格式有误：引号不配对。${SAVE_AS.zh}`,
      `The CSV is malformed: its quotes are unbalanced. ${SAVE_AS.en}`,
    ),
    row: line,
  }),
  wrongCellCount: (row: number, found: number, expected: number) =>
    rowError(
      row,
      "malformed-csv",
      `这一行有 ${found} 个单元格，表头有 ${expected} 个。数值或说明中如有逗号，请用英文双引号把整个单元格括起来，或改用 Excel 保存。`,
      `This row has ${found} cells but the header has ${expected}. A value or note that holds a comma must be in double quotes; saving from Excel does that.`,
    ),
  inflatedTooLarge: () =>
    fileError(
      "too-large",
      `Excel 文件解压后超过 ${MAX_INFLATED_BYTES / MB} MB，内容远多于一份填报模板。请只保留填报数据，或分成几个文件上传。`,
      `The Excel file unpacks to more than ${MAX_INFLATED_BYTES / MB} MB, far more than a filled template. Please keep only the figures, or split it into several files.`,
    ),
  tooManyRows: () =>
    fileError(
      "too-many-rows",
      `文件超过 ${MAX_UPLOAD_ROWS} 行数据（上限）。请分成几个文件上传。`,
      `The file has more than ${MAX_UPLOAD_ROWS} data rows (the limit). Please split it into several files.`,
    ),
  tooManyColumns: (row: number) =>
    rowError(
      row,
      "too-many-columns",
      `这一行在第 ${MAX_UPLOAD_COLUMNS} 列之后还有内容，模板只有 8 列。请删除多余的列后重新上传。`,
      `This row has content past column ${MAX_UPLOAD_COLUMNS}; the template has 8 columns. Please delete the extra columns and upload it again.`,
    ),
  cellTooLong: (row: number, column: number | null, start: string) => {
    const where = column === null ? null : columnLetters(column);
    const shown = start === "" ? "" : `“${quote(start)}”`;
    return rowError(
      row,
      "cell-too-long",
      `${where === null ? "这一行有单元格" : `${where} 列的单元格`}${shown}超过 ${MAX_CELL_LENGTH} 个字符。请缩短后重新上传。`,
      `${where === null ? "A cell in this row" : `The cell in column ${where}`}${shown === "" ? "" : ` ("${quote(start)}")`} is longer than ${MAX_CELL_LENGTH} characters. Please shorten it and upload it again.`,
    );
  },
  tooComplex: () =>
    fileError(
      "too-complex",
      "文件读取时间过长或占用内存过多，已停止读取。请只保留填报数据，或分成几个文件上传。",
      "Reading the file took too long or too much memory, so it was stopped. Please keep only the figures, or split it into several files.",
    ),
  busy: () =>
    fileError(
      "busy",
      "服务器正在读取其他上传的文件，请稍后重试。",
      "The server is busy reading other uploads. Please try again in a moment.",
    ),
  unknownZone: (row: number, code: string) =>
    cellError(
      row,
      "zone_code",
      "unknown-zone",
      code === "" ? "示范区代码为空。" : `没有代码为“${quote(code)}”的示范区。`,
      code === "" ? "The zone code is empty." : `There is no zone with the code "${quote(code)}".`,
    ),
  badQuarter: (row: number, quarter: string) =>
    cellError(
      row,
      "quarter",
      "bad-quarter",
      quarter === ""
        ? "季度为空。季度的格式如 2026Q3。"
        : `季度“${quote(quarter)}”格式不对，应为 2026Q3 这样的形式。`,
      quarter === ""
        ? "The quarter is empty. Quarters look like 2026Q3."
        : `The quarter "${quote(quarter)}" is not valid: quarters look like 2026Q3.`,
    ),
  unknownIndicator: (row: number, code: string) =>
    cellError(
      row,
      "indicator_code",
      "unknown-indicator",
      code === "" ? "指标代码为空。" : `没有代码为“${quote(code)}”的指标。`,
      code === "" ? "The indicator code is empty." : `There is no indicator with the code "${quote(code)}".`,
    ),
  indicatorNotInQuarter: (row: number, indicator: LocalizedText, quarter: string) =>
    cellError(
      row,
      "quarter",
      "indicator-not-in-quarter",
      `“${indicator.zh}”是年度指标，只在第四季度填报，不能填在 ${quarter}。`,
      `"${indicator.en}" is an annual indicator, reported with Q4 only, not with ${quarter}.`,
    ),
  zoneNotReporting: (
    row: number,
    zone: Pick<Zone, "code" | "name" | "reportsFrom" | "retiredFrom">,
    quarter: QuarterString,
  ) => {
    const named = {
      zh: `示范区“${zone.name.zh}”（${zone.code}）`,
      en: `The zone "${zone.name.en}" (${zone.code})`,
    };
    const retired = zone.retiredFrom !== null && compareQuarters(quarter, zone.retiredFrom) >= 0;
    return cellError(
      row,
      "zone_code",
      "zone-not-reporting",
      retired
        ? `${named.zh}自 ${zone.retiredFrom} 起不再填报，不能填在 ${quarter}。`
        : `${named.zh}自 ${zone.reportsFrom} 起填报，不能填在 ${quarter}。`,
      retired
        ? `${named.en} no longer reports from ${zone.retiredFrom} on, so not for ${quarter}.`
        : `${named.en} reports from ${zone.reportsFrom}, not for ${quarter}.`,
    );
  },
  indicatorNotInForce: (
    row: number,
    indicator: Pick<Indicator, "code" | "name" | "inForceFrom" | "retiredAfter">,
    quarter: QuarterString,
    year: number,
  ) => {
    const retired = indicator.retiredAfter !== null && year > indicator.retiredAfter;
    return cellError(
      row,
      "indicator_code",
      "indicator-not-in-force",
      retired
        ? `指标“${indicator.name.zh}”（${indicator.code}）${indicator.retiredAfter} 年后不再填报，不能填在 ${quarter}。`
        : `指标“${indicator.name.zh}”（${indicator.code}）自 ${indicator.inForceFrom} 年起填报，不能填在 ${quarter}。`,
      retired
        ? `The indicator "${indicator.name.en}" (${indicator.code}) is no longer reported after ${indicator.retiredAfter}, so not for ${quarter}.`
        : `The indicator "${indicator.name.en}" (${indicator.code}) is reported from ${indicator.inForceFrom}, not for ${quarter}.`,
    );
  },
  duplicateRow: (row: number, firstRow: number) =>
    rowError(
      row,
      "duplicate-row",
      `与第 ${firstRow} 行重复：同一示范区、季度和指标只能有一行。`,
      `Same zone, quarter and indicator as row ${firstRow}: each may appear only once.`,
    ),
} as const;
