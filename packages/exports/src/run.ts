import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { cachedCatalogue, referenceUnitCodes } from "@zones/db/catalogue";
import type { Database } from "@zones/db/client";
import { countObservationRows, streamObservationPivotRows, streamObservationRows } from "@zones/db/exports";

import type { ExportRow } from "./columns";
import { writeCsv } from "./csv";
import { exportFileName } from "./file-name";
import { type ExportFormat, inCatalogue, type TExportFilters } from "./filters";
import { type SheetZones, writeXlsx } from "./xlsx";

export interface ExportProgress {
  rowsDone: number;
  /**
   * Counted while the export's query starts (its own statement, so another snapshot): the database may change
   * meanwhile, so `rowsDone` can end up different.
   */
  rowsExpected: number;
}

export interface ExportOptions {
  /** Rows per database fetch (default 2000). */
  batchSize?: number;
  /** Cancels the export: the sink gets an error, a file is not kept. */
  signal?: AbortSignal;
  /** Called after every batch of rows. A throw aborts the export. */
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportResult {
  /** Data rows written (the header not counted); 0 means a header-only file. */
  rowCount: number;
  byteSize: number;
  /** SHA-256 of the bytes written, hex. */
  checksum: string;
  durationMs: number;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function exportContentType(filters: TExportFilters, format: ExportFormat): string {
  if (format === "xlsx") return CONTENT_TYPES.xlsx;
  return `${CONTENT_TYPES.csv}; charset=${filters.encoding === "gb18030" ? "gb18030" : "utf-8"}`;
}

/**
 * The filters checked against the database's catalogue (a refusal names the field of an unknown code) with
 * their codes in its order, the order the rows and the workbook's sheets come in; and the zones that name
 * the sheets.
 */
async function catalogueFilters(
  db: Database,
  filters: TExportFilters,
): Promise<{ filters: TExportFilters; zones: SheetZones }> {
  const catalogue = await cachedCatalogue(db);
  // Codes the catalogue does not list may still be reference units (asked only then: none in production).
  const listed = new Set(catalogue.zones.map((zone) => zone.code));
  const unlisted = filters.zoneCodes.filter((code) => !listed.has(code));
  const referenceUnits = await referenceUnitCodes(db, unlisted);
  return { filters: inCatalogue(filters, { ...catalogue, referenceUnits }), zones: catalogue.zones };
}

/** The filters as an export runs them: checked against the database's catalogue, their codes in its order. */
export async function checkedExportFilters(db: Database, filters: TExportFilters): Promise<TExportFilters> {
  return (await catalogueFilters(db, filters)).filters;
}

/** The rows of the filters' layout, streamed from a database cursor in batches. */
export function exportRowBatches(
  db: Database,
  filters: TExportFilters,
  options: { batchSize?: number } = {},
): AsyncIterable<readonly ExportRow[]> {
  const cursor = options.batchSize ? { batchSize: options.batchSize } : {};
  return filters.layout === "wide"
    ? streamObservationPivotRows(db, filters, cursor)
    : streamObservationRows(db, filters, cursor);
}

/** The file's bytes: rows streamed from the database through the CSV or XLSX writer. */
export function exportChunks(
  rows: AsyncIterable<readonly ExportRow[]>,
  filters: TExportFilters,
  format: ExportFormat,
  zones: SheetZones,
): AsyncIterable<Uint8Array> {
  return format === "csv" ? writeCsv(rows, filters) : writeXlsx(rows, filters, zones);
}

/**
 * The row batches with progress. The count (`expected`) runs beside the export's own query rather than before
 * it: the first batch is asked for at once, so the database opens the cursor while it counts, and the first
 * report (no rows done yet) comes as soon as the count is known, before any batch is handed on.
 */
async function* counted(
  rows: AsyncIterable<readonly ExportRow[]>,
  expected: Promise<number>,
  progress: ExportProgress,
  options: ExportOptions,
): AsyncGenerator<readonly ExportRow[], void, undefined> {
  const iterator = rows[Symbol.asyncIterator]();
  let first: Promise<IteratorResult<readonly ExportRow[]>> | null = iterator.next();
  // A failure of the first batch surfaces where it is awaited, not as an unhandled rejection.
  first.catch(() => {});
  let finished = false;
  try {
    progress.rowsExpected = await expected;
    options.signal?.throwIfAborted();
    options.onProgress?.({ ...progress });
    for (;;) {
      const next = await (first ?? iterator.next());
      first = null;
      if (next.done) break;
      options.signal?.throwIfAborted();
      progress.rowsDone += next.value.length;
      yield next.value;
      options.onProgress?.({ ...progress });
    }
    finished = true;
  } finally {
    // Stopped early (an error, the consumer gone): closing the row iterator closes the database cursor.
    if (!finished) await iterator.return?.();
  }
}

async function* measured(
  chunks: AsyncIterable<Uint8Array>,
  tally: { bytes: number; hash: ReturnType<typeof createHash> },
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array, void, undefined> {
  for await (const chunk of chunks) {
    signal?.throwIfAborted();
    tally.bytes += chunk.byteLength;
    tally.hash.update(chunk);
    yield chunk;
  }
}

async function writeToWebStream(chunks: AsyncIterable<Uint8Array>, sink: WritableStream<Uint8Array>) {
  const writer = sink.getWriter();
  try {
    for await (const chunk of chunks) {
      await writer.ready;
      await writer.write(chunk);
    }
    await writer.close();
  } catch (error) {
    await writer.abort(error).catch(() => {});
    throw error;
  } finally {
    writer.releaseLock();
  }
}

/**
 * Runs one export to a sink (a Node Writable, e.g. a file, or a web WritableStream): counts the rows for
 * progress, streams them from a database cursor through the writer with backpressure, and measures what was
 * written. Memory stays flat whatever the row count. On failure or cancellation the sink is destroyed
 * (aborted) and the error thrown: nothing reports success for a partial file.
 */
export async function runExport(
  db: Database,
  asked: TExportFilters,
  format: ExportFormat,
  sink: Writable | WritableStream<Uint8Array>,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const started = performance.now();
  options.signal?.throwIfAborted();
  const { filters, zones } = await catalogueFilters(db, asked);
  const expected = countObservationRows(db, filters);
  // Awaited in `counted`; should the export fail first, the count's own failure is not left unhandled.
  expected.catch(() => {});
  const progress: ExportProgress = { rowsDone: 0, rowsExpected: 0 };
  const rows = counted(exportRowBatches(db, filters, options), expected, progress, options);
  const tally = { bytes: 0, hash: createHash("sha256") };
  const chunks = measured(exportChunks(rows, filters, format, zones), tally, options.signal);
  try {
    if (sink instanceof Writable) {
      await pipeline(chunks, sink, options.signal ? { signal: options.signal } : {});
    } else {
      await writeToWebStream(chunks, sink);
    }
  } catch (error) {
    // Report the reason the caller gave for cancelling, not the stream's generic AbortError.
    if (options.signal?.aborted) throw options.signal.reason;
    throw error;
  }
  return {
    rowCount: progress.rowsDone,
    byteSize: tally.bytes,
    checksum: tally.hash.digest("hex"),
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * Everything a download response needs, the database already queried: the first chunk is read before this
 * resolves, so that a failing query becomes an error response rather than a truncated download.
 */
export async function prepareExportDownload(
  db: Database,
  asked: TExportFilters,
  format: ExportFormat,
  options: { batchSize?: number; now?: Date } = {},
): Promise<{
  fileName: string;
  contentType: string;
  rowsExpected: number;
  body: ReadableStream<Uint8Array>;
}> {
  const { filters, zones } = await catalogueFilters(db, asked);
  const counting = countObservationRows(db, filters);
  const iterator = exportChunks(exportRowBatches(db, filters, options), filters, format, zones)[
    Symbol.asyncIterator
  ]();
  // The count and the export's own query run side by side.
  const reading = iterator.next();
  let rowsExpected: number;
  let first: IteratorResult<Uint8Array>;
  try {
    [rowsExpected, first] = await Promise.all([counting, reading]);
  } catch (error) {
    // Closes the cursor if the first chunk came but the count failed.
    await Promise.allSettled([counting, reading]);
    await iterator.return?.();
    throw error;
  }
  return {
    fileName: exportFileName(filters, format, options.now ?? new Date()),
    contentType: exportContentType(filters, format),
    rowsExpected,
    body: readableFrom(iterator, first),
  };
}

/**
 * A web ReadableStream over an async iterator (pull-based: the next chunk is read when the client wants it).
 * An error mid-way errors the stream, so the client sees a failed download, never a complete-looking one;
 * a cancelled download returns the iterator, which closes the database cursor.
 */
export function readableFrom(
  iterator: AsyncIterator<Uint8Array>,
  first?: IteratorResult<Uint8Array>,
): ReadableStream<Uint8Array> {
  let pending = first;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = pending ?? (await iterator.next());
      pending = undefined;
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
