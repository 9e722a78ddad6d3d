import { PassThrough, type Writable } from "node:stream";
import { scopeQuarters } from "@zones/db/exports";
import { isNumericText, type Zone } from "@zones/domain";
import type ExcelJS from "exceljs";

import {
  type ExportRow,
  headerRow,
  LONG_COLUMNS,
  numberColumns,
  rowCells,
  WIDE_LABEL_COLUMNS,
} from "./columns";
import type { TExportFilters } from "./filters";

/** Rows of one worksheet, the header included (Excel's limit). A zone with more continues on a new sheet. */
export const XLSX_MAX_SHEET_ROWS = 1_048_576;
/** Characters of one cell (Excel's limit): longer text is refused rather than cut. */
export const XLSX_MAX_CELL_TEXT = 32_767;

const SHEET_NAME_MAX = 31;

/** A worksheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique regardless of case. */
export function sheetName(base: string, taken: Set<string>): string {
  const clean = base.replace(/[[\]:*?/\\]/g, " ").trim() || "zone";
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = `${clean.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/**
 * Text as a workbook cell holds it. XML cannot carry most control characters (exceljs would drop them), so
 * they are written as OOXML `_xHHHH_` escapes, which Excel and WPS decode; a literal `_xHHHH_` in the text is
 * escaped in turn (`_x005F_`). Line breaks become LF, Excel's own line break within a cell (an XML reader
 * would turn CRLF into LF anyway).
 */
export function xlsxText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/\r\n?/g, "\n")
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being escaped
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g,
      (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
}

function cellValue(cell: string | null | undefined, number: boolean | undefined): number | string | null {
  if (cell === null || cell === undefined) return null;
  // Numbers as numeric cells. Text goes in as a text cell, which Excel never runs as a formula.
  if (number && isNumericText(cell)) return Number(cell);
  const text = xlsxText(cell);
  if (text.length > XLSX_MAX_CELL_TEXT) {
    throw new RangeError(
      `a cell of ${text.length} characters exceeds Excel's limit of ${XLSX_MAX_CELL_TEXT}`,
    );
  }
  return text;
}

/** Resolves when the stream has closed (the end of a finished workbook, or the consumer gone). */
function closed(stream: Writable): Promise<void> {
  if (stream.closed || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => stream.once("close", () => resolve()));
}

/** Resolves on the stream's next "drain", or when `output` closes (the consumer stopped). */
function drained(stream: NodeJS.EventEmitter, output: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      output.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    output.on("close", done);
  });
}

interface BufferedWritable extends NodeJS.EventEmitter {
  _writableState?: { length: number; highWaterMark: number };
}

/**
 * Waits until the workbook's output has caught up. exceljs's sheet stream (`StreamBuf`) writes into the zip
 * entry without heeding backpressure, so rows committed faster than deflate compresses them would pile up in
 * memory; this waits on the entry's own buffer (exceljs internals, checked defensively), then on `output`.
 */
async function caughtUp(sheet: ExcelJS.Worksheet | null, output: Writable): Promise<void> {
  const pipes =
    (sheet as unknown as { _stream?: { pipes?: BufferedWritable[] } } | null)?._stream?.pipes ?? [];
  for (const pipe of pipes) {
    const state = pipe._writableState;
    while (state && state.length > state.highWaterMark && !output.destroyed) await drained(pipe, output);
  }
  while (output.writableNeedDrain && !output.destroyed) await drained(output, output);
}

/** The zones a workbook names its sheets after: the catalogue's (read from the database by the caller). */
export type SheetZones = readonly Pick<Zone, "code" | "shortName">[];

async function writeWorkbook(
  rows: AsyncIterable<readonly ExportRow[]>,
  filters: TExportFilters,
  zones: SheetZones,
  output: Writable,
  state: { stopped: boolean },
): Promise<void> {
  // exceljs is big: loaded when a workbook is written, not with the package (CSV exports never need it).
  const { default: excel } = await import("exceljs");
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "示范区监测 Zones";
  const language = filters.headerLanguage;
  const quarters = filters.layout === "wide" ? scopeQuarters(filters) : [];
  const header = headerRow(filters, quarters);
  const numbers = numberColumns(filters, quarters.length);
  const widths =
    filters.layout === "wide"
      ? [...WIDE_LABEL_COLUMNS.map((column) => column.width), ...quarters.map(() => 12)]
      : LONG_COLUMNS.map((column) => column.width);
  const taken = new Set<string>();

  let sheet: ExcelJS.Worksheet | null = null;
  let sheetRows = 0;
  let zoneIndex = -1;
  let part = 1;

  const openSheet = (zoneCode: string) => {
    const shortName = zones.find((zone) => zone.code === zoneCode)?.shortName[language] ?? zoneCode;
    const base = part === 1 ? shortName : `${shortName} (${part})`;
    sheet = workbook.addWorksheet(sheetName(base, taken), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = widths.map((width) => ({ width }));
    const added = sheet.addRow(header);
    added.font = { bold: true };
    added.commit();
    sheetRows = 1;
  };
  /** Moves to `zoneCode`'s sheet, giving every selected zone before it a (header-only) sheet of its own. */
  const enterZone = (zoneCode: string) => {
    const target = filters.zoneCodes.indexOf(zoneCode as (typeof filters.zoneCodes)[number]);
    if (target < zoneIndex || target === -1) {
      throw new Error(`xlsx: rows of zone ${zoneCode} arrived out of zone order`);
    }
    while (zoneIndex < target) {
      (sheet as ExcelJS.Worksheet | null)?.commit();
      zoneIndex++;
      part = 1;
      const code = filters.zoneCodes[zoneIndex];
      if (code) openSheet(code);
    }
  };

  for await (const batch of rows) {
    if (state.stopped) return;
    for (const row of batch) {
      if (zoneIndex === -1 || row.zone.code !== filters.zoneCodes[zoneIndex]) enterZone(row.zone.code);
      if (sheetRows >= XLSX_MAX_SHEET_ROWS) {
        (sheet as ExcelJS.Worksheet | null)?.commit();
        part++;
        openSheet(row.zone.code);
      }
      const current = sheet as ExcelJS.Worksheet | null;
      if (!current) throw new Error("xlsx: no worksheet open");
      current.addRow(rowCells(row, filters).map((cell, index) => cellValue(cell, numbers[index]))).commit();
      sheetRows++;
    }
    // Let the zip catch up, and wait while the consumer is behind: memory holds about one batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await caughtUp(sheet, output);
  }
  if (state.stopped) return;
  // Selected zones without data still get their (header-only) sheet.
  const last = filters.zoneCodes.at(-1);
  if (last && zoneIndex < filters.zoneCodes.length - 1) enterZone(last);
  // exceljs waits for the stream's "finish", which never comes once the consumer has stopped.
  await Promise.race([workbook.commit(), closed(output)]);
}

/**
 * Streams rows as an Excel workbook (also opened by WPS) with exceljs's streaming writer: one worksheet per
 * selected zone in catalogue order, named by its short name in the header language (a zone without data gets
 * a header-only sheet), a bold, frozen header row, values as numeric cells, text as text cells.
 */
export function writeXlsx(
  rows: AsyncIterable<readonly ExportRow[]>,
  filters: TExportFilters,
  zones: SheetZones,
): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      const output = new PassThrough();
      const state = { stopped: false };
      const writing = writeWorkbook(rows, filters, zones, output, state).catch((error: unknown) => {
        output.destroy(error as Error);
      });
      try {
        for await (const chunk of output) yield chunk as Uint8Array;
      } finally {
        state.stopped = true;
        if (!output.destroyed) output.destroy();
        await writing;
      }
    },
  };
}
