import { pipeline, Readable } from "node:stream";
import { scopeQuarters } from "@zones/db";
import { neutraliseFormula, neutraliseFormulaUnlessNumeric } from "@zones/domain";
import { stringify } from "csv-stringify";
import iconv from "iconv-lite";

import { type ExportRow, headerRow, numberColumns, rowCells } from "./columns";
import type { TExportFilters } from "./filters";

/** A row's CSV fields: numbers bare, text neutralised, empty for null. */
function csvFields(cells: (string | null)[], numbers: readonly boolean[]): string[] {
  const fields: string[] = new Array(cells.length);
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    fields[index] =
      cell === null || cell === undefined
        ? ""
        : numbers[index]
          ? neutraliseFormulaUnlessNumeric(cell)
          : neutraliseFormula(cell);
  }
  return fields;
}

/**
 * Object-mode source of CSV records: the header, then one record per row, pulled a batch at a time from the
 * row stream (no promise per record). Destroying it (an error downstream, or the consumer stopping) returns
 * the row iterator, which closes the database cursor.
 */
class RecordSource extends Readable {
  readonly #rows: AsyncIterator<readonly ExportRow[]>;
  readonly #filters: TExportFilters;
  readonly #numbers: boolean[];
  #header: string[] | null;

  constructor(rows: AsyncIterable<readonly ExportRow[]>, filters: TExportFilters) {
    super({ objectMode: true, highWaterMark: 64 });
    this.#rows = rows[Symbol.asyncIterator]();
    this.#filters = filters;
    const quarters = filters.layout === "wide" ? scopeQuarters(filters) : [];
    this.#numbers = numberColumns(filters, quarters.length);
    this.#header = headerRow(filters, quarters);
  }

  override _read(): void {
    if (this.#header) {
      const header = this.#header;
      this.#header = null;
      this.push(header);
      return;
    }
    this.#pull().catch((error: unknown) => this.destroy(error as Error));
  }

  async #pull(): Promise<void> {
    for (;;) {
      const next = await this.#rows.next();
      if (this.destroyed) return;
      if (next.done) {
        this.push(null);
        return;
      }
      if (next.value.length === 0) continue;
      for (const row of next.value) this.push(csvFields(rowCells(row, this.#filters), this.#numbers));
      return;
    }
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    Promise.resolve(this.#rows.return?.()).then(
      () => callback(error),
      (closeError: unknown) => callback(error ?? (closeError as Error)),
    );
  }
}

/**
 * Streams rows as CSV: RFC 4180 quoting, CRLF line ends, headers in the filters' language; UTF-8 with a BOM
 * (without it Excel on Chinese Windows reads GBK and garbles the names) or GB18030. Numbers are written bare
 * and exact; text cells a spreadsheet would run as a formula get a leading `'`. Every row is written: there
 * is no cap, and an error anywhere (the database, the consumer) ends the stream with that error.
 */
export function writeCsv(
  rows: AsyncIterable<readonly ExportRow[]>,
  filters: TExportFilters,
): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]() {
      const source = new RecordSource(rows, filters);
      const gb18030 = filters.encoding === "gb18030";
      const stringifier = stringify({
        bom: !gb18030,
        record_delimiter: "\r\n",
        // Notes may hold line breaks of any kind; quoted, every record stays one row.
        quote_record_delimiter: true,
      });
      const done = () => {};
      if (!gb18030) return pipeline(source, stringifier, done)[Symbol.asyncIterator]();
      stringifier.setEncoding("utf8");
      return pipeline(source, stringifier, iconv.encodeStream("gb18030"), done)[Symbol.asyncIterator]();
    },
  };
}
