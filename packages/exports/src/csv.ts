import { scopeQuarters } from "@zones/db/exports";
import { neutraliseFormula, neutraliseFormulaUnlessNumeric } from "@zones/domain";

import {
  type ExportRow,
  headerRow,
  LABEL_COLUMN_COUNT,
  labelCells,
  numberColumns,
  valueCells,
} from "./columns";
import type { TExportFilters } from "./filters";

/** Characters that make a field quoted (RFC 4180): the delimiter, the quote, and line breaks of any kind. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field as written: empty for null; text neutralised against formulas (numbers in number columns
 * stay bare); quoted, with quotes doubled, when it holds a comma, a quote or a line break, so that a note
 * with line breaks of any kind stays one record.
 */
function csvField(cell: string | null | undefined, number: boolean | undefined): string {
  if (cell === null || cell === undefined || cell === "") return "";
  return quoted(number ? neutraliseFormulaUnlessNumeric(cell) : neutraliseFormula(cell));
}

function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The fields of a record (or of its cells from `offset` on), joined by commas. */
function csvRecord(cells: readonly (string | null)[], numbers: readonly boolean[], offset = 0): string {
  let line = "";
  for (let index = 0; index < cells.length; index++) {
    if (index > 0) line += ",";
    line += csvField(cells[index], numbers[offset + index]);
  }
  return line;
}

/** Characters gathered before a chunk of bytes is handed on (about 64 KiB of UTF-8 or more). */
const CHUNK_CHARS = 32_768;

/**
 * Streams rows as CSV: RFC 4180 quoting, CRLF line ends, headers in the filters' language; UTF-8 with a BOM
 * (without it Excel on Chinese Windows reads GBK and garbles the names) or GB18030. Numbers are written bare
 * and exact; text cells a spreadsheet would run as a formula get a leading `'`. Every row is written: there
 * is no cap, and an error anywhere (the database, the consumer) ends the stream with that error.
 *
 * Each batch of rows becomes text in one go and leaves as one chunk of bytes (batches are joined up to
 * CHUNK_CHARS): no stream object, promise or buffer per record. The label cells (zone and indicator), the
 * same for consecutive rows, are encoded once per zone × indicator. Stopping the iteration (the consumer
 * gone, an error downstream) returns the row iterator, which closes the database cursor.
 */
export function writeCsv(
  rows: AsyncIterable<readonly ExportRow[]>,
  filters: TExportFilters,
): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      // iconv-lite (and its tables) only when GB18030 is asked for.
      const encode =
        filters.encoding === "gb18030"
          ? await import("iconv-lite").then(
              ({ default: iconv }) =>
                (text: string): Uint8Array =>
                  iconv.encode(text, "gb18030"),
            )
          : (text: string): Uint8Array => Buffer.from(text, "utf8");
      const quarters = filters.layout === "wide" ? scopeQuarters(filters) : [];
      const numbers = numberColumns(filters, quarters.length);
      const header = headerRow(filters, quarters).map(quoted).join(",");
      let text = `${filters.encoding === "gb18030" ? "" : "\uFEFF"}${header}\r\n`;
      let zone: ExportRow["zone"] | null = null;
      let indicator: ExportRow["indicator"] | null = null;
      let labels = "";
      for await (const batch of rows) {
        for (const row of batch) {
          if (row.zone !== zone || row.indicator !== indicator) {
            zone = row.zone;
            indicator = row.indicator;
            labels = `${csvRecord(labelCells(row, filters), numbers)},`;
          }
          text += `${labels}${csvRecord(valueCells(row, filters), numbers, LABEL_COLUMN_COUNT)}\r\n`;
        }
        if (text.length >= CHUNK_CHARS) {
          const chunk = encode(text);
          text = "";
          yield chunk;
        }
      }
      if (text.length > 0) yield encode(text);
    },
  };
}
