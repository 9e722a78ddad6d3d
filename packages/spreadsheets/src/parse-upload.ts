import { findColumn, REQUIRED_COLUMNS } from "./columns";
import {
  MAX_CELL_LENGTH,
  MAX_INFLATED_BYTES,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_COLUMNS,
  MAX_UPLOAD_ROWS,
} from "./limits";
import type { WorkerReadResult } from "./read-in-worker";
import { readInWorker } from "./read-in-worker";
import type { ReadLimits } from "./reader/protocol";
import type { SheetCatalogue } from "./sheet-catalogue";
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

/** What the reader may read of an upload (exported for the tests, which read with the same limits). */
export const READ_LIMITS: ReadLimits = {
  maxInflatedBytes: MAX_INFLATED_BYTES,
  maxRows: MAX_UPLOAD_ROWS,
  maxColumns: MAX_UPLOAD_COLUMNS,
  maxCellLength: MAX_CELL_LENGTH,
};

/** Both header names of each required column, as the reader compares them (trimmed, lower case). */
const TEMPLATE_HEADERS = REQUIRED_COLUMNS.flatMap((key) => {
  const { zh, en } = findColumn(key);
  return [zh, en].map((name) => name.trim().toLowerCase());
});

function failed(encoding: UploadEncoding | null, error: UploadError): ParsedUpload {
  return { encoding, rows: [], errors: [error] };
}

function refusalError(result: Extract<WorkerReadResult, { ok: false }>): UploadError {
  const { refusal } = result;
  switch (refusal.code) {
    case "not-a-spreadsheet":
      return uploadErrors.notASpreadsheet();
    case "utf-16":
      return uploadErrors.utf16();
    case "undecodable":
      return uploadErrors.undecodable();
    case "empty-file":
      return uploadErrors.emptyFile();
    case "malformed-csv":
      return uploadErrors.malformedCsv(refusal.line);
    case "inflated-too-large":
      return uploadErrors.inflatedTooLarge();
    case "too-many-rows":
      return uploadErrors.tooManyRows();
    case "too-many-columns":
      return uploadErrors.tooManyColumns(refusal.row);
    case "cell-too-long":
      return uploadErrors.cellTooLong(refusal.row, refusal.column, refusal.excerpt);
    case "too-complex":
      return uploadErrors.tooComplex();
    case "busy":
      return uploadErrors.busy();
  }
}

/**
 * Reads an uploaded CSV or XLSX template. The kind is decided by the content, not the name: people
 * rename files, and some systems export HTML or old binary Excel under any name. Bad input never throws;
 * it comes back as errors that can be shown to the person as they are.
 *
 * The reading itself runs in a worker thread within limits (inflated size, rows, columns, cell length,
 * heap, time) and stops at the first one passed; only the rows it gives back are validated here, against the
 * catalogue the caller passes (the database's: the zones and indicators of each row's quarter).
 */
export async function parseUpload(
  file: { name: string; bytes: Uint8Array },
  catalogue: SheetCatalogue,
): Promise<ParsedUpload> {
  const { bytes } = file;
  if (bytes.length > MAX_UPLOAD_BYTES) return failed(null, uploadErrors.tooLarge(bytes.length));
  if (bytes.length === 0) return failed(null, uploadErrors.emptyFile());

  const kind = sniffFile(bytes);
  if (kind === "xls") return failed(null, uploadErrors.oldExcel());
  if (kind === "binary") return failed(null, uploadErrors.notASpreadsheet());

  const read = await readInWorker({ kind, bytes, limits: READ_LIMITS, templateHeaders: TEMPLATE_HEADERS });
  if (!read.ok) return failed(read.encoding, refusalError(read));
  return { encoding: read.encoding, ...validateRows(read.rows, read.strictWidth, catalogue) };
}
