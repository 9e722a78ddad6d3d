import ExcelJS from "exceljs";
import { mapHeader, REQUIRED_COLUMNS } from "./columns";
import { numberToDecimalText, percentText } from "./number-text";
import type { SheetReadResult, SheetRow } from "./sheet";
import { isBlankRow } from "./sheet";
import { uploadErrors } from "./upload-errors";

/** Whether a number format shows the value as a percentage (a `%` outside quoted literal text). */
function isPercentFormat(numFmt: string | undefined): boolean {
  return numFmt?.replace(/"[^"]*"/g, "").includes("%") ?? false;
}

/**
 * A cell as the text the person sees, so that the rules are the same as for CSV. A number in a
 * %-formatted cell is read as the percentage shown: typing "5.2%" stores 0.052, but the person meant 5.2.
 */
function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    const text = numberToDecimalText(value);
    return isPercentFormat(numFmt) ? percentText(text) : text;
  }
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result ?? null, numFmt);
  if ("hyperlink" in value) return value.text;
  return "";
}

function readWorksheet(worksheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      const cell = row.getCell(column);
      cells.push(cellText(cell.value, cell.numFmt));
    }
    if (!isBlankRow(cells)) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function hasTemplateHeader(rows: readonly SheetRow[]): boolean {
  const header = rows[0];
  if (!header) return false;
  const positions = mapHeader(header.cells);
  return REQUIRED_COLUMNS.some((column) => positions.has(column));
}

/**
 * Reads the first worksheet whose header row has template columns (the instructions sheet is skipped,
 * and so is a sheet the person added in front), else the first worksheet that has anything in it.
 */
export async function readXlsx(bytes: Uint8Array): Promise<SheetReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as a Buffer-like ArrayBuffer; JSZip underneath takes an ArrayBuffer.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    // Not a ZIP that holds a workbook: a damaged file, a .docx, an .ods, …
    return { ok: false, error: uploadErrors.notASpreadsheet() };
  }
  if (workbook.worksheets.length === 0) return { ok: false, error: uploadErrors.notASpreadsheet() };
  const sheets = workbook.worksheets.map(readWorksheet);
  const rows = sheets.find(hasTemplateHeader) ?? sheets.find((sheet) => sheet.length > 0) ?? [];
  return { ok: true, rows, strictWidth: false };
}
