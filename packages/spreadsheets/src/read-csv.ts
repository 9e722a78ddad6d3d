import { CsvError, parse } from "csv-parse/sync";
import type { SheetReadResult } from "./sheet";
import { isBlankRow } from "./sheet";
import { uploadErrors } from "./upload-errors";

/**
 * Comma-separated, unless the header line has tabs and no comma: cells copied out of Excel and pasted
 * into a text file are tab-separated.
 */
function detectDelimiter(text: string): "," | "\t" {
  const header = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== "") ?? "";
  return !header.includes(",") && header.includes("\t") ? "\t" : ",";
}

/**
 * Reads decoded CSV text (without BOM). Blank lines are skipped but counted, so that row numbers are
 * the ones Excel shows; a record whose quoted note spans lines is still one row, as in Excel.
 */
export function readCsv(text: string): SheetReadResult {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      // Explicit, so that a file mixing CRLF and LF line ends still splits on every line end.
      record_delimiter: ["\r\n", "\n", "\r"],
      // Checked per row by the validator, which reports every bad row instead of stopping at the first.
      relax_column_count: true,
      // A quote inside an unquoted cell (他说"好") is text, as Excel reads it.
      relax_quotes: true,
      trim: true,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = error.lines;
      return { ok: false, error: uploadErrors.malformedCsv(typeof line === "number" ? line : null) };
    }
    throw error;
  }
  const rows = records
    .map((cells, index) => ({ row: index + 1, cells }))
    .filter(({ cells }) => !isBlankRow(cells));
  return { ok: true, rows, strictWidth: true };
}
