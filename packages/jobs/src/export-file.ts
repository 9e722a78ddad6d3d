import type { Database } from "@zones/db/client";
import {
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
  exportContentType,
  exportFileName,
  runExport,
  type TExportFilters,
} from "@zones/exports";
import { type ExportStorage, exportObjectKey } from "@zones/storage";

export interface ExportFile extends ExportResult {
  fileName: string;
  /** Its key in the export storage: `<run id>/<file name>`. */
  storageKey: string;
}

/**
 * Writes a run's export into the storage, streamed from the database cursor to the folder or the bucket: the
 * file appears under its key only once complete (a `.part` renamed, a multipart upload completed), and a
 * failure or cancellation leaves nothing there. Size and checksum are of the bytes stored.
 */
export async function storeExportFile(
  db: Database,
  filters: TExportFilters,
  format: ExportFormat,
  storage: ExportStorage,
  runId: string,
  options: ExportOptions & { now?: Date } = {},
): Promise<ExportFile> {
  const fileName = exportFileName(filters, format, options.now ?? new Date());
  const storageKey = exportObjectKey(runId, fileName);
  const { value: result } = await storage.store(
    storageKey,
    (sink) => runExport(db, filters, format, sink, options),
    { contentType: exportContentType(filters, format) },
  );
  return { ...result, fileName, storageKey };
}
