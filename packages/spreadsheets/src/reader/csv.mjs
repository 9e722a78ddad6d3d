/** @import { ReadLimits } from "./protocol.ts" */
import { CsvError, parse } from "csv-parse/sync";
import { Refusal } from "./refusal.mjs";
import { checkCellLength, rowCollector } from "./rows.mjs";

/**
 * Comma-separated, unless the header line has tabs and no comma: cells copied out of Excel and pasted
 * into a text file are tab-separated.
 * @param {string} text
 * @returns {"," | "\t"}
 */
function detectDelimiter(text) {
  const lineEnd = /\r\n|\n|\r/g;
  let start = 0;
  for (;;) {
    const match = lineEnd.exec(text);
    const line = text.slice(start, match ? match.index : text.length);
    if (line.trim() !== "") return !line.includes(",") && line.includes("\t") ? "\t" : ",";
    if (!match) return ",";
    start = lineEnd.lastIndex;
  }
}

/**
 * Reads decoded CSV text (without BOM). Blank lines are skipped but counted, so that row numbers are
 * the ones Excel shows; a record whose quoted note spans lines is still one row, as in Excel. Each
 * record is checked as it is parsed and the parse stops at the first limit passed; a record longer than
 * `maxColumns` full cells is refused before it is whole.
 * @param {string} text
 * @param {ReadLimits} limits
 */
export function readCsv(text, limits) {
  const collector = rowCollector(limits);
  let row = 0;
  try {
    parse(text, {
      delimiter: detectDelimiter(text),
      // Explicit, so that a file mixing CRLF and LF line ends still splits on every line end.
      record_delimiter: ["\r\n", "\n", "\r"],
      // Checked per row by the validator, which reports every bad row instead of stopping at the first.
      relax_column_count: true,
      // A quote inside an unquoted cell (他说"好") is text, as Excel reads it.
      relax_quotes: true,
      trim: true,
      max_record_size: limits.maxColumns * limits.maxCellLength,
      /** @param {string[]} record */
      on_record(record) {
        row += 1;
        record.forEach((cell, index) => {
          checkCellLength(row, index + 1, cell, limits);
        });
        collector.add(row, record);
        // Nothing is kept by the parser itself.
        return null;
      },
    });
  } catch (error) {
    if (error instanceof Refusal) throw error;
    if (error instanceof CsvError) {
      if (error.code === "CSV_MAX_RECORD_SIZE") {
        throw new Refusal({ code: "cell-too-long", row: row + 1, column: null, excerpt: "" });
      }
      const line = error.lines;
      throw new Refusal({ code: "malformed-csv", line: typeof line === "number" ? line : null });
    }
    throw error;
  }
  return collector.rows;
}
