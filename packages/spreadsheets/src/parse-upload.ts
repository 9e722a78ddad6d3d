import { decodeText } from "./encoding";
import { MAX_UPLOAD_BYTES } from "./limits";
import { readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";
import type { SheetReadResult } from "./sheet";
import { sniffFile } from "./sniff";
import type { UploadError } from "./upload-errors";
import { uploadErrors } from "./upload-errors";
import type { UploadRow } from "./validate-rows";
import { validateRows } from "./validate-rows";

export type UploadEncoding = "utf-8" | "utf-8-bom" | "gb18030" | "xlsx";

export interface ParsedUpload {
  /** How the file was read; null when it could not be. */
  encoding: UploadEncoding | null;
  /** The rows without errors, in file order. */
  rows: UploadRow[];
  /** Every problem found, in row order, at most `MAX_UPLOAD_ERRORS`. Empty when the whole file is fine. */
  errors: UploadError[];
}

function failed(encoding: UploadEncoding | null, error: UploadError): ParsedUpload {
  return { encoding, rows: [], errors: [error] };
}

function validated(encoding: UploadEncoding, sheet: SheetReadResult): ParsedUpload {
  if (!sheet.ok) return failed(encoding, sheet.error);
  return { encoding, ...validateRows(sheet.rows, sheet.strictWidth) };
}

/**
 * Reads an uploaded CSV or XLSX template. The kind is decided by the content, not the name: people
 * rename files, and some systems export HTML or old binary Excel under any name. Bad input never throws;
 * it comes back as errors that can be shown to the person as they are.
 */
export async function parseUpload(file: { name: string; bytes: Uint8Array }): Promise<ParsedUpload> {
  const { bytes } = file;
  if (bytes.length > MAX_UPLOAD_BYTES) return failed(null, uploadErrors.tooLarge(bytes.length));
  if (bytes.length === 0) return failed(null, uploadErrors.emptyFile());

  switch (sniffFile(bytes)) {
    case "xlsx":
      return validated("xlsx", await readXlsx(bytes));
    case "xls":
      return failed(null, uploadErrors.oldExcel());
    case "binary":
      return failed(null, uploadErrors.notASpreadsheet());
    case "text": {
      const decoded = decodeText(bytes);
      if (!decoded.ok) {
        return failed(null, decoded.reason === "utf-16" ? uploadErrors.utf16() : uploadErrors.undecodable());
      }
      const { encoding, text } = decoded;
      if (text.trim() === "") return failed(encoding, uploadErrors.emptyFile());
      // HTML or XML saved as ".xls" by web systems and old Excel ("XML Spreadsheet 2003").
      if (text.trimStart().startsWith("<")) return failed(encoding, uploadErrors.notASpreadsheet());
      return validated(encoding, readCsv(text));
    }
  }
}
